/** Events the account-security code emits (for a store's notifications). */
export const CustomerActivityEvents = {
  /**
   * `AccountLockedEventPayload`: sign-ins are refused from now until
   * `locked_until` — for one account from one client (`scope: "pair"`), for one
   * account from everywhere (`"account"`), or for one client across accounts
   * (`"ip"`, then `customer_id` is null). Emitted once per lock.
   */
  ACCOUNT_LOCKED: "customer_suite.account_locked",
} as const

export type SignInLockScope = "pair" | "account" | "ip"

export type AccountLockedEventPayload = {
  /** The customer whose account is locked; null when the email is no customer's, or for an IP lock. */
  customer_id: string | null
  scope: SignInLockScope
  /** ISO 8601. */
  locked_until: string
}
