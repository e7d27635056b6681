import { z } from "zod"
import { NO_FIELD, labelledMessage, type FieldErrors } from "../field-errors"
import type { AdminCapabilitySettingsOf, AdminUpdateSuiteSettingsBody } from "../../../types/http"
import { ASSISTANCE_KEYS, CONSENT_MODES, type AssistanceKey } from "../types/settings"

/**
 * Settings → Customer suite → Login as customer: the form's values (numbers
 * and lists as text until saved) and what the API takes for them. Nothing is
 * refused here: a number that is not one is sent as typed, so the API names its field.
 */

export const assistanceSettingsFormSchema = z.object({
  enabled: z.boolean(),
  consent: z.enum(CONSENT_MODES),
  code_ttl_seconds: z.string(),
  session_ttl_minutes: z.string(),
  storefront_url: z.string(),
  require_reason: z.boolean(),
  consent_label: z.string(),
  consent_help: z.string(),
  denied_actions: z.string(),
})

export type AssistanceSettingsForm = z.infer<typeof assistanceSettingsFormSchema>

/** The form's values for the settings in force. */
export const assistanceSettingsFormValues = (capability: AdminCapabilitySettingsOf<"assistance">): AssistanceSettingsForm => {
  const s = capability.settings
  return {
    enabled: capability.enabled,
    consent: s.consent === "not_required" ? "not_required" : "opt_in",
    code_ttl_seconds: String(s.code_ttl_seconds ?? ""),
    session_ttl_minutes: String(s.session_ttl_minutes ?? ""),
    storefront_url: typeof s.storefront_url === "string" ? s.storefront_url : "",
    require_reason: s.require_reason !== false,
    consent_label: typeof s.consent_label === "string" ? s.consent_label : "",
    consent_help: typeof s.consent_help === "string" ? s.consent_help : "",
    denied_actions: Array.isArray(s.denied_actions) ? s.denied_actions.join("\n") : "",
  }
}

/** What the API takes for a setting as the form holds it. */
function settingValue(key: AssistanceKey, value: string | boolean): unknown {
  if (typeof value === "boolean") {
    return value
  }
  switch (key) {
    case "code_ttl_seconds":
    case "session_ttl_minutes":
      return value.trim() === "" || Number.isNaN(Number(value)) ? value : Number(value)
    case "storefront_url":
      return value.trim() || null
    case "denied_actions":
      return value
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean)
    default:
      return value
  }
}

/** The settings whose value differs from the one in force. */
export const changedSettings = (form: AssistanceSettingsForm, saved: AssistanceSettingsForm) => ASSISTANCE_KEYS.filter((key) => form[key] !== saved[key])

/** The changed settings as the API takes them (only those are sent). */
export const assistanceSettingsUpdate = (form: AssistanceSettingsForm, saved: AssistanceSettingsForm): AdminUpdateSuiteSettingsBody => ({
  assistance: Object.fromEntries(changedSettings(form, saved).map((key) => [key, settingValue(key, form[key])])),
})

/**
 * The API's errors by setting: "assistance.code_ttl_seconds: must be …" goes
 * to that setting, shown under it as the API wrote it, without the path (a
 * denied action's with its line: "Line 2: must look like …"); anything else
 * is the form's, in the "Label: message" form.
 */
export function assistanceSettingsErrors(errors: FieldErrors): FieldErrors {
  const placed: FieldErrors = {}
  const add = (key: string, text: string) => (placed[key] = placed[key] ? `${placed[key]}; ${text}` : text)
  for (const [field, message] of Object.entries(errors)) {
    const [, key, index] = /^assistance\.([a-z_]+)(?:\.(\d+))?$/.exec(field) ?? []
    if (key && (ASSISTANCE_KEYS as readonly string[]).includes(key)) {
      add(key, index !== undefined ? `Line ${Number(index) + 1}: ${message}` : message)
    } else {
      add(NO_FIELD, labelledMessage(field, message))
    }
  }
  return placed
}
