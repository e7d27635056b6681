import { model } from "@medusajs/framework/utils"

/**
 * A batch a source pushed and the plugin applied, once per (source_id,
 * batch_id): a replay answers `result` again and changes nothing. Counts are
 * of members, `unknown_samples` the first members that matched no customer.
 */
const AudienceBatch = model
  .define("audience_batch", {
    id: model.id({ prefix: "audbat" }).primaryKey(),
    source_id: model.text(),
    /** The source's id of the batch. */
    batch_id: model.text(),
    audience_id: model.text(),
    external_audience_id: model.text(),
    /** The signed timestamp of the batch. */
    sent_at: model.dateTime(),
    added: model.number().default(0),
    removed: model.number().default(0),
    unchanged: model.number().default(0),
    unknown: model.number().default(0),
    unknown_samples: model.json(),
    /** What the webhook answered (answered again to a replay). */
    result: model.json<Record<string, unknown>>(),
  })
  .indexes([
    { on: ["source_id", "batch_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["source_id", "created_at"], where: "deleted_at IS NULL" },
    { on: ["audience_id", "created_at"], where: "deleted_at IS NULL" },
  ])

export default AudienceBatch
