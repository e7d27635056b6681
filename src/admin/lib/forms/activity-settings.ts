import { z } from "zod"
import { NO_FIELD, labelledMessage, type FieldErrors } from "../field-errors"
import type { AdminCapabilitySettingsOf, AdminUpdateSuiteSettingsBody } from "../../../types/http"
import { ACTIVITY_FIELDS, type ActivityField, type ActivityForm } from "../types/settings"

/**
 * Settings → Customer suite → Account security: one form per group (sign-in,
 * password reset, password rules, Now Online) and one for the settings beside
 * them. Values are text until saved ("true"/"false" for a switch, one entry a
 * line for a list); nothing is refused here: the API names the field.
 */

export const activitySettingsFormSchema = z.record(z.string(), z.string())
export type ActivitySettingsForm = z.infer<typeof activitySettingsFormSchema>

type Activity = AdminCapabilitySettingsOf<"activity">

const fieldsOf = (form: ActivityForm): readonly ActivityField[] => ACTIVITY_FIELDS[form]

/** The values a form edits, as the API answers them (a group's object, or the settings beside the groups). */
const sourceOf = (values: Activity["settings"] | Activity["plugin_options"], form: ActivityForm): Record<string, unknown> =>
  ((form === "general" ? values : (values as Record<string, unknown>)[form]) ?? {}) as Record<string, unknown>

const asText = (field: ActivityField, value: unknown): string => {
  if (field.kind === "lines") {
    return Array.isArray(value) ? value.join("\n") : ""
  }
  if (value === null || value === undefined) {
    return ""
  }
  return String(value)
}

/** The form's values for the settings in force. */
export const activitySettingsFormValues = (capability: Activity, form: ActivityForm): ActivitySettingsForm => {
  const source = sourceOf(capability.settings, form)
  return Object.fromEntries(fieldsOf(form).map((field) => [field.key, asText(field, source[field.key])]))
}

/** The plugin option of each setting of a form (what a reset goes back to), as the form shows values. */
export const activityPluginOptionValues = (capability: Activity, form: ActivityForm): ActivitySettingsForm => {
  const source = sourceOf(capability.plugin_options, form)
  return Object.fromEntries(fieldsOf(form).map((field) => [field.key, asText(field, source[field.key])]))
}

/** What the API takes for a setting as the form holds it. */
export function activitySettingValue(field: ActivityField, text: string): unknown {
  switch (field.kind) {
    case "switch":
      return text === "true"
    case "lines":
      return text
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean)
    case "optional_number":
      if (text.trim() === "") {
        return null
      }
      return Number.isNaN(Number(text)) ? text : Number(text)
    case "number":
      return text.trim() === "" || Number.isNaN(Number(text)) ? text : Number(text)
    default:
      return text
  }
}

/** The settings of a form whose value differs from the one in force. */
export const changedActivitySettings = (form: ActivityForm, values: ActivitySettingsForm, saved: ActivitySettingsForm) =>
  fieldsOf(form).filter((field) => values[field.key] !== saved[field.key])

/** The changed settings as the API takes them: a group's changed keys (the API keeps the others), or the changed settings beside the groups. */
export const activitySettingsUpdate = (form: ActivityForm, values: ActivitySettingsForm, saved: ActivitySettingsForm): AdminUpdateSuiteSettingsBody => {
  const changed = Object.fromEntries(changedActivitySettings(form, values, saved).map((field) => [field.key, activitySettingValue(field, values[field.key])]))
  return { activity: form === "general" ? changed : { [form]: changed } }
}

/** What "Use plugin option" sends for a form: the whole group, or one setting beside the groups. */
export const activityResetPaths = (form: ActivityForm, key?: string): string[] => [form === "general" ? `activity.${key}` : `activity.${form}`]

/**
 * The API's errors by setting of one form: "activity.sign_in.max_failures: …"
 * goes to that setting, shown as the API wrote it without the path (a
 * trusted proxy's with its line: "Line 2: …"); anything else is the form's.
 */
export function activitySettingsErrors(form: ActivityForm, errors: FieldErrors): FieldErrors {
  const keys = fieldsOf(form).map((field) => field.key)
  const prefix = form === "general" ? "activity." : `activity.${form}.`
  const placed: FieldErrors = {}
  const add = (key: string, text: string) => (placed[key] = placed[key] ? `${placed[key]}; ${text}` : text)
  for (const [path, message] of Object.entries(errors)) {
    const [key, index] = path.startsWith(prefix) ? path.slice(prefix.length).split(".") : []
    if (key && keys.includes(key)) {
      add(key, index !== undefined && /^\d+$/.test(index) ? `Line ${Number(index) + 1}: ${message}` : message)
    } else {
      add(NO_FIELD, labelledMessage(path, message))
    }
  }
  return placed
}
