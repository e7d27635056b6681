/** Login-as-customer values the admin words (no React or SDK here: the unit tests import it). */

export const SESSION_STATUSES = ["pending", "active", "ended"] as const
export type SessionStatus = (typeof SESSION_STATUSES)[number]

export const END_REASONS = ["ended_by_admin", "ended_by_customer", "expired", "code_expired", "superseded", "admin_deleted"] as const
export type EndReason = (typeof END_REASONS)[number]

/** The settings the settings page edits, in its order. */
export const ASSISTANCE_KEYS = ["enabled", "consent", "code_ttl_seconds", "session_ttl_minutes", "storefront_url", "require_reason", "denied_actions"] as const
export type AssistanceKey = (typeof ASSISTANCE_KEYS)[number]

export const CONSENT_MODES = ["opt_in", "not_required"] as const
