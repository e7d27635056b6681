import { model } from "@medusajs/framework/utils"

/**
 * A shopping-assistance session: an admin user logs in as a customer. Starts
 * "pending" with the SHA-256 of a one-time code (never the code); the
 * storefront exchanges the code once for a customer token → "active" until
 * `expires_at`; then "ended" with why.
 */
const AssistanceSession = model
  .define("assistance_session", {
    id: model.id({ prefix: "asess" }).primaryKey(),
    customer_id: model.text(),
    user_id: model.text(),
    reason: model.text().nullable(),
    status: model.enum(["pending", "active", "ended"]).default("pending"),
    /** Hex SHA-256 of the one-time code. */
    code_hash: model.text(),
    code_expires_at: model.dateTime(),
    exchanged_at: model.dateTime().nullable(),
    /** When an active session ends by itself (exchange time + session TTL). */
    expires_at: model.dateTime().nullable(),
    ended_at: model.dateTime().nullable(),
    end_reason: model.enum(["ended_by_admin", "ended_by_customer", "expired", "code_expired", "superseded", "admin_deleted"]).nullable(),
    ended_by: model.text().nullable(),
  })
  .indexes([
    { on: ["code_hash"], unique: true },
    { on: ["user_id", "status"] },
    { on: ["customer_id", "created_at"] },
  ])

export default AssistanceSession
