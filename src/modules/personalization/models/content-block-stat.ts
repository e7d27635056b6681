import { model } from "@medusajs/framework/utils"

/**
 * Daily counters of a block's impressions and clicks: one row per block, UTC
 * day, type and segment ("" for all shoppers; otherwise a segment the block
 * targets that the shopper was in when the event was counted).
 */
const ContentBlockStat = model
  .define("content_block_stat", {
    id: model.id({ prefix: "cbstat" }).primaryKey(),
    block_id: model.text(),
    day: model.text(),
    type: model.enum(["impression", "click"]),
    segment_id: model.text().default(""),
    count: model.number().default(0),
  })
  .indexes([{ on: ["block_id", "day", "type", "segment_id"], unique: true, where: "deleted_at IS NULL" }])

export default ContentBlockStat
