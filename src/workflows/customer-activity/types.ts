import type { SessionRevocationReason } from "../../modules/customer_activity/service"

/** Who ends a customer's sessions, and why (the security log records it, never a secret). */
export type RevokeCustomerSessionsInput = {
  customer_id: string
  reason: SessionRevocationReason
  /** The customer themselves, a staff user, or the system (a password reset). */
  actor_type: "customer" | "user" | "system"
  actor_id?: string | null
  ip?: string | null
  user_agent?: string | null
}

export type RevokeCustomerSessionsResult = { customer_id: string; revoked_at: Date }
