/**
 * Account security and presence (issue 15): the admin's customer-page
 * resources and the store's settings route. Dates are ISO 8601 strings.
 */
import type { ResolvedCustomerSuiteOptions } from "../../modules/customer_suite/options"

type ActivityOptions = ResolvedCustomerSuiteOptions["activity"]

/** GET /admin/customers/:id/sign-in-lock, POST /admin/customers/:id/unlock */
export type AdminSignInLock = {
  customer_id: string
  email: string | null
  lockout_mode: ActivityOptions["sign_in"]["lockout_mode"]
  /** Whether the account (any IP) or at least one account/IP pair is refused now. */
  locked: boolean
  /** When the longest lock ends; null when not locked. */
  locked_until: string | null
  /** Failures counted now towards the account's lock (all IPs; capped at max_failures). */
  failures: number
  /** The account's limit: sign_in.max_failures in "account" mode, sign_in.max_failures_per_account in "account_and_ip". */
  max_failures: number
  /** Account/IP pairs refused now (account_and_ip mode). */
  locked_pairs: number
}
export type AdminSignInLockResponse = { sign_in_lock: AdminSignInLock }

/** POST /admin/customers/:id/sessions/revoke, POST /store/customers/me/sessions/revoke */
export type SessionRevocation = { customer_id: string; revoked_at: string }
export type SessionRevocationResponse = { revocation: SessionRevocation }

/** POST /admin/customers/:id/password-reset (202) */
export type AdminPasswordResetResponse = { password_reset: { customer_id: string; email: string; requested_at: string } }

export type SecurityEventKind =
  | "sign_in"
  | "password_reset_request"
  | "staff_password_reset"
  | "password_changed"
  | "account_locked"
  | "unlock"
  | "sessions_revoked"

/** GET /admin/customers/:id/security-events */
export type AdminSecurityEvent = {
  id: string
  kind: SecurityEventKind
  outcome: string
  customer_id: string | null
  email: string | null
  ip: string | null
  user_agent: string | null
  actor_type: "customer" | "user" | "system" | "anonymous"
  actor_id: string | null
  details: Record<string, unknown> | null
  occurred_at: string
}
export type AdminSecurityEventListResponse = { security_events: AdminSecurityEvent[]; count: number; offset: number; limit: number }

/** GET /admin/customers/:id/presence */
export type AdminCustomerPresence = { online: boolean; last_seen_at: string | null; last_path: string | null; window_minutes: number }
export type AdminCustomerPresenceResponse = { presence: AdminCustomerPresence }

/** GET /admin/customer-suite/online */
export type AdminOnlineShopper = {
  kind: "customer" | "visitor"
  customer_id: string | null
  cart_id: string | null
  first_name: string | null
  last_name: string | null
  email: string | null
  last_seen_at: string
  last_path: string | null
}
export type AdminOnlineResponse = {
  counts: { customers: number; visitors: number; total: number }
  window_minutes: number
  shoppers: AdminOnlineShopper[]
  count: number
  offset: number
  limit: number
}

/** The password rules a storefront can show as hints (and the server enforces). */
export type StorePasswordPolicy = Pick<ActivityOptions["password_policy"], "min_length" | "max_length" | "refuse_common" | "min_strength" | "required_classes">

/** GET /store/customer-suite/config */
export type StoreCustomerSuiteConfig = {
  login_landing: ActivityOptions["login_landing"]
  assistance: { enabled: boolean; consent_required: boolean; consent_label: string; consent_help: string }
  /** null while account security (the `activity` capability) is turned off: no rule is enforced then. */
  password_policy: StorePasswordPolicy | null
}
export type StoreCustomerSuiteConfigResponse = { config: StoreCustomerSuiteConfig }
