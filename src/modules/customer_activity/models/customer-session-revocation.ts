import { model } from "@medusajs/framework/utils"

/**
 * "Sign out everywhere": the latest moment a customer's sessions were ended.
 * Tokens and cookie sessions issued at or before `revoked_at` (to the second,
 * as a JWT's `iat`) are refused on /store and /auth. One row per customer;
 * the security log keeps the history.
 */
const CustomerSessionRevocation = model
  .define("customer_session_revocation", {
    id: model.id({ prefix: "csrev" }).primaryKey(),
    customer_id: model.text(),
    revoked_at: model.dateTime(),
    /** customer | staff | password_changed | password_reset */
    reason: model.text(),
  })
  .indexes([{ on: ["customer_id"], unique: true, where: "deleted_at IS NULL" }])

export default CustomerSessionRevocation
