import { model } from "@medusajs/framework/utils"

/** What a security log row records (README, Security log). */
export const SECURITY_EVENT_KINDS = [
  "sign_in",
  "password_reset_request",
  "staff_password_reset",
  "password_changed",
  "account_locked",
  "unlock",
  "sessions_revoked",
] as const
export type SecurityEventKind = (typeof SECURITY_EVENT_KINDS)[number]

/**
 * One security-relevant thing that happened to a customer's account: a
 * sign-in (succeeded, failed, refused while locked), a reset request, a
 * staff-sent reset, a lock, an unlock, a revocation. Never a password, token
 * or secret. `occurred_at` is UTC; rows older than the retention setting are
 * pruned by a job.
 */
const CustomerSecurityEvent = model
  .define("customer_security_event", {
    id: model.id({ prefix: "csev" }).primaryKey(),
    kind: model.enum([...SECURITY_EVENT_KINDS]),
    /** e.g. sign_in: success | failure | locked; reset: sent | throttled. */
    outcome: model.text(),
    /** The customer, when the request named a known one. */
    customer_id: model.text().nullable(),
    /** The email the request named, folded (trimmed, lower case). */
    email: model.text().nullable(),
    ip: model.text().nullable(),
    user_agent: model.text().nullable(),
    /** Who did it: the customer, a staff user, the system, or an anonymous client. */
    actor_type: model.enum(["customer", "user", "system", "anonymous"]),
    actor_id: model.text().nullable(),
    /** Non-secret particulars (e.g. { reason: "password_reset" }, { scope: "account" }). */
    details: model.json<Record<string, unknown>>().nullable(),
    occurred_at: model.dateTime(),
  })
  .indexes([
    { on: ["customer_id", "occurred_at"] },
    { on: ["email", "occurred_at"] },
    { on: ["occurred_at"] },
  ])

export default CustomerSecurityEvent
