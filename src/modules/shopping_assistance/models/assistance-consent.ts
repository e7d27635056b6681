import { model } from "@medusajs/framework/utils"

/**
 * A customer's answer to "may the store's staff log in as me to help?", one
 * row per change (the latest is the current answer), with who gave it. Only
 * the customer gives it: the store API, never the admin.
 */
const AssistanceConsent = model
  .define("assistance_consent", {
    id: model.id({ prefix: "ascon" }).primaryKey(),
    customer_id: model.text(),
    allowed: model.boolean(),
    /** Who recorded it: the customer (actor_type "customer", actor_id their id). */
    actor_type: model.text(),
    actor_id: model.text(),
  })
  .indexes([{ on: ["customer_id", "created_at"] }])

export default AssistanceConsent
