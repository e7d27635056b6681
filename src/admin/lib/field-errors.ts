import type { FieldValues, Path, UseFormSetError } from "react-hook-form"
import { messageOf } from "./api"

/**
 * The API's validation messages, sorted onto the fields they name: the one
 * parser every admin form uses (no React here: the unit tests import it).
 */

/** Field path ("tiers.0.min_quantity") → message; what names no field is under "_". */
export type FieldErrors = Record<string, string>

/** Whether a message is one of ours, an i18n key to translate (the forms' zod schemas), rather than the API's text. */
export const isMessageKey = (message: string) => message.startsWith("customerSuite.")

/** Where a message that names no field is kept. */
export const NO_FIELD = "_"

/** The plugin's messages name the field first: "rule.all.0.value: …", "assistance.code_ttl_seconds: …". */
const OURS = /^([a-z_][\w.]*):\s*(.*)$/is
/** Medusa's request validation quotes it, parts joined by commas: "Field 'tiers, 0, min_quantity' is required". */
const MEDUSA = /field '([\w., ]+)'/i
/** A "; " that starts another message (not one inside a message: `unknown operator "x"; operators are …`). */
const NEXT_MESSAGE = /;\s+(?=[a-z_][\w.]*:\s|Value for field|Field '|Expected|Unrecognized)/i

/**
 * The API's 400 message by field. Medusa prefixes "Invalid request: " and
 * joins several messages with "; "; ours name the field first, Medusa's in
 * quotes. Two messages for one field are joined with "; ".
 */
export function parseFieldErrors(message: string): FieldErrors {
  const errors: FieldErrors = {}
  for (const part of message.replace(/^Invalid request:\s*/, "").split(NEXT_MESSAGE)) {
    const text = part.trim()
    if (!text) {
      continue
    }
    const ours = OURS.exec(text)
    const medusa = MEDUSA.exec(text)
    const field = ours ? ours[1] : medusa ? medusa[1].split(/,\s*/).join(".") : NO_FIELD
    const shown = ours ? ours[2] : text
    errors[field] = errors[field] ? `${errors[field]}; ${shown}` : shown
  }
  return errors
}

/** The field errors of a failed request (its message parsed). */
export const fieldErrorsOf = (error: unknown): FieldErrors => parseFieldErrors(messageOf(error))

/** Whether `field` is `path` or below it ("tiers.0.percentage" is under "tiers.0"). */
export const isUnder = (field: string, path: string) => field === path || field.startsWith(`${path}.`)

/** The messages for a field and the fields below it. */
export function errorsUnder(errors: FieldErrors, path: string): string[] {
  return Object.entries(errors)
    .filter(([field]) => isUnder(field, path))
    .map(([, message]) => message)
}

/** "min_quantity" → "Min quantity". */
const humanize = (key: string) => key.charAt(0).toUpperCase() + key.slice(1).replace(/_/g, " ")

/**
 * A message shown away from its field (a toast, above a form's buttons) in
 * the API's one-sentence form, "Label: what is wrong": a rule's message as it
 * comes (it names the attribute by its label; a syntax error its line and
 * column), another field's with the field's name in words instead of its path
 * ("tiers.0.min_quantity" → "Min quantity"), one that names no field alone.
 */
export function labelledMessage(field: string, message: string): string {
  if (field === NO_FIELD || isUnder(field, "rule") || field === "query") {
    return message
  }
  const name = field.split(".").filter((part) => !/^\d+$/.test(part)).pop() ?? field
  return `${humanize(name)}: ${message}`
}

/** A failed request's message for a toast: its messages in that form, without Medusa's "Invalid request:" or paths. */
export const readableMessage = (error: unknown): string =>
  Object.entries(fieldErrorsOf(error))
    .map(([field, message]) => labelledMessage(field, message))
    .join("; ")

/**
 * The messages a form shows by its fields, and the others as one text for
 * above its buttons (see labelledMessage).
 */
export function placeErrors(errors: FieldErrors, fields: readonly string[]): { field: (name: string) => string | undefined; rest?: string } {
  const rest = Object.entries(errors)
    .filter(([field]) => !fields.includes(field))
    .map(([field, text]) => labelledMessage(field, text))
  return { field: (name) => errors[name], rest: rest.join("; ") || undefined }
}

/** react-hook-form keeps an error that names no field here (`setError("root.api", …)`). */
export const ROOT_ERROR = "root.api"

const META = new Set(["message", "type", "ref", "types"])

/**
 * A react-hook-form `formState.errors` tree as a flat map by path, the shape
 * the API's errors have: its own checks and the API's messages (set with
 * `setError`) read the same way. `root.api` comes back as "_"; an array
 * field's own error (`tiers.root`) as "tiers".
 */
export function flattenFormErrors(errors: unknown): FieldErrors {
  const flat: FieldErrors = {}
  const walk = (node: unknown, path: string[]) => {
    if (!node || typeof node !== "object") {
      return
    }
    const { message } = node as { message?: unknown }
    if (typeof message === "string" && message) {
      const field = path.join(".") || NO_FIELD
      flat[field] = flat[field] ? `${flat[field]}; ${message}` : message
    }
    for (const [key, child] of Object.entries(node)) {
      if (META.has(key)) {
        continue
      }
      if (key === "root") {
        walk(path.length ? child : (child as Record<string, unknown> | undefined)?.api, path)
        continue
      }
      walk(child, [...path, key])
    }
  }
  walk(errors, [])
  return flat
}

/**
 * Hands the API's errors to a react-hook-form form: each on the path it
 * names (a field before the fields below it), what names no field on `root.api`.
 */
export function setApiErrors<T extends FieldValues>(setError: UseFormSetError<T>, errors: FieldErrors) {
  const byDepth = Object.entries(errors).sort(([a], [b]) => a.split(".").length - b.split(".").length)
  for (const [field, message] of byDepth) {
    setError((field === NO_FIELD ? ROOT_ERROR : field) as Path<T>, { type: "api", message })
  }
}
