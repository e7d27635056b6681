import { model } from "@medusajs/framework/utils"

/** One full refresh of a segment: what it found and how long it took. */
const CustomerSegmentRefreshRun = model
  .define("customer_segment_refresh_run", {
    id: model.id({ prefix: "csegrun" }).primaryKey(),
    segment_id: model.text(),
    trigger: model.enum(["manual", "saved", "schedule", "backfill", "dependency"]),
    status: model.enum(["queued", "running", "succeeded", "failed"]).default("queued"),
    matched: model.number().default(0),
    added: model.number().default(0),
    removed: model.number().default(0),
    duration_ms: model.number().nullable(),
    started_at: model.dateTime().nullable(),
    finished_at: model.dateTime().nullable(),
    error: model.text().nullable(),
  })
  .indexes([{ on: ["segment_id", "created_at"], where: "deleted_at IS NULL" }])

export default CustomerSegmentRefreshRun
