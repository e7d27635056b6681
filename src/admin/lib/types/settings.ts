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
  "consent_label",
  "consent_help",
  "denied_actions",
] as const satisfies readonly ("enabled" | keyof AssistanceSettings)[]
export type AssistanceKey = (typeof ASSISTANCE_KEYS)[number]

export const CONSENT_MODES = allValues<AssistanceSettings["consent"]>()(["opt_in", "not_required"])

/** The account-security settings as the API answers them. */
type ActivitySettings = AdminCapabilitySettingsOf<"activity">["settings"]
type ActivityGroupKey = "sign_in" | "password_reset" | "password_policy" | "presence"

/** The account-security forms on the settings page: four groups stored whole, and the settings beside them ("general"). */
export const ACTIVITY_FORMS = ["sign_in", "password_reset", "password_policy", "presence", "general"] as const
export type ActivityForm = (typeof ACTIVITY_FORMS)[number]

/** How a setting is edited: a number (null allowed: "" is none), a switch, a choice, or one entry a line. */
export type ActivityFieldKind = "number" | "optional_number" | "switch" | "choice" | "lines"
export type ActivityField = { key: string; kind: ActivityFieldKind; choices?: readonly string[] }

export const LOCKOUT_MODES = allValues<ActivitySettings["sign_in"]["lockout_mode"]>()(["account_and_ip", "account"])
export const RESET_PROTECTIONS = allValues<ActivitySettings["password_reset"]["protection"]>()(["ip_and_email", "ip", "email", "none"])
export const LOGIN_LANDINGS = allValues<ActivitySettings["login_landing"]>()(["account", "stay"])

type KeysOf<G extends ActivityGroupKey> = keyof ActivitySettings[G] & string
type GeneralKey = "login_landing" | "security_log_retention_days" | "trusted_proxies"

/** Every setting of each form, in the page's order (a key that is not the API's fails to compile). */
export const ACTIVITY_FIELDS = {
  sign_in: [
    { key: "lockout_mode", kind: "choice", choices: LOCKOUT_MODES },
    { key: "max_failures", kind: "number" },
    { key: "lockout_minutes", kind: "number" },
    { key: "max_failures_per_account", kind: "number" },
    { key: "max_failures_per_ip", kind: "number" },
    { key: "ip_window_minutes", kind: "number" },
  ] as const satisfies readonly (ActivityField & { key: KeysOf<"sign_in"> })[],
  password_reset: [
    { key: "protection", kind: "choice", choices: RESET_PROTECTIONS },
    { key: "max_requests_per_hour", kind: "number" },
    { key: "min_seconds_between", kind: "number" },
  ] as const satisfies readonly (ActivityField & { key: KeysOf<"password_reset"> })[],
  password_policy: [
    { key: "min_length", kind: "number" },
    { key: "max_length", kind: "number" },
    { key: "refuse_common", kind: "switch" },
    { key: "min_strength", kind: "optional_number" },
    { key: "required_classes", kind: "number" },
  ] as const satisfies readonly (ActivityField & { key: KeysOf<"password_policy"> })[],
  presence: [
    { key: "enabled", kind: "switch" },
    { key: "online_window_minutes", kind: "number" },
    { key: "visitor_retention_days", kind: "number" },
  ] as const satisfies readonly (ActivityField & { key: KeysOf<"presence"> })[],
  general: [
    { key: "login_landing", kind: "choice", choices: LOGIN_LANDINGS },
    { key: "security_log_retention_days", kind: "number" },
    { key: "trusted_proxies", kind: "lines" },
  ] as const satisfies readonly (ActivityField & { key: GeneralKey })[],
} satisfies Record<ActivityForm, readonly ActivityField[]>
