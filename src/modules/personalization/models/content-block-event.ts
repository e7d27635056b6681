import { model } from "@medusajs/framework/utils"

/**
 * The events counted in the current hour, one per shopper, block, type and
 * UTC hour: what deduplicates a storefront's repeated impressions and clicks.
 * Rows older than a day are pruned by a job.
 */
const ContentBlockEvent = model
  .define("content_block_event", {
    id: model.id({ prefix: "cbevt" }).primaryKey(),
    shopper_key: model.text(),
    block_id: model.text(),
    type: model.enum(["impression", "click"]),
    hour: model.dateTime(),
  })
  .indexes([
    { on: ["shopper_key", "block_id", "type", "hour"], unique: true, where: "deleted_at IS NULL" },
    { on: ["hour"] },
  ])

export default ContentBlockEvent
