import { model } from "@medusajs/framework/utils"

/**
 * A customer in an audience pushed by a CDP (`audience_id` is the plugin's
 * audience id, not the CDP's). One row per customer and audience.
 */
const AudienceMember = model
  .define("audience_member", {
    id: model.id({ prefix: "audmem" }).primaryKey(),
    audience_id: model.text(),
    customer_id: model.text(),
  })
  .indexes([
    { on: ["audience_id", "customer_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["customer_id"], where: "deleted_at IS NULL" },
  ])

export default AudienceMember
