import type { AdminCapabilitySettingsOf } from "../../../types/http"
import { allValues } from "../all-values"

/** The login-as-customer settings as the API answers them (its switch, `enabled`, sits beside them). */
type AssistanceSettings = AdminCapabilitySettingsOf<"assistance">["settings"]

/** The login-as-customer settings the settings page edits, in its order. */
export const ASSISTANCE_KEYS = [
  "enabled",
  "consent",
  "code_ttl_seconds",
  "session_ttl_minutes",
  "storefront_url",
  "require_reason",
  "denied_actions",
] as const satisfies readonly ("enabled" | keyof AssistanceSettings)[]
export type AssistanceKey = (typeof ASSISTANCE_KEYS)[number]

export const CONSENT_MODES = allValues<AssistanceSettings["consent"]>()(["opt_in", "not_required"])
