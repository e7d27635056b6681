/**
 * The settings API as the admin reads it (src/api/admin/customer-suite/settings):
 * the admin's own types until they come from src/types/http.
 */

export type CapabilitySettings = {
  id: string
  name: string
  description: string
  enabled: boolean
  available: boolean
  settings: Record<string, unknown>
  /** Keys changed in the admin. */
  overridden: string[]
  /** Keys the admin may change. */
  editable: string[]
}

export type SuiteSettingsResponse = {
  settings: { capabilities: CapabilitySettings[] }
}

/** The login-as-customer settings the settings page edits, in its order. */
export const ASSISTANCE_KEYS = ["enabled", "consent", "code_ttl_seconds", "session_ttl_minutes", "storefront_url", "require_reason", "denied_actions"] as const
export type AssistanceKey = (typeof ASSISTANCE_KEYS)[number]

export const CONSENT_MODES = ["opt_in", "not_required"] as const
export type ConsentMode = (typeof CONSENT_MODES)[number]

export type SettingsUpdate = {
  customer_groups?: { default_group?: string | null; guest_group?: string | null }
  /** Login-as-customer settings, the changed ones; a value the page cannot read is sent as typed, so the API names its field. */
  assistance?: Partial<Record<AssistanceKey, unknown>>
  reset?: string[]
}
