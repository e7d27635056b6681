import { model } from "@medusajs/framework/utils"

/**
 * An audience a source pushes, known by (source_id, external_id): created on
 * its first batch, renamed when a batch names it differently. Its members
 * are audience_member rows. With `sync_customer_group`, a managed customer
 * group (customer_group_id) holds exactly its members.
 */
const Audience = model
  .define("audience", {
    id: model.id({ prefix: "aud" }).primaryKey(),
    source_id: model.text(),
    /** The CDP's id of the audience. */
    external_id: model.text(),
    name: model.text().searchable(),
    member_count: model.number().default(0),
    last_batch_at: model.dateTime().nullable(),
    sync_customer_group: model.boolean().default(false),
    customer_group_id: model.text().nullable(),
  })
  .indexes([
    { on: ["source_id", "external_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["customer_group_id"], where: "deleted_at IS NULL" },
  ])

export default Audience
