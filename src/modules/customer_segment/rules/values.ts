import { z } from "@medusajs/framework/zod"
import { ARITY, MAX_LIST_ITEMS, MAX_STRING_LENGTH, type Operator } from "./ast"
import { isAbsoluteDate, isDateValue } from "./dates"
import { fold } from "./fold"
import type { ValueType } from "./operators"

/**
 * The value a condition takes, by the attribute's type and the operator's
 * arity: schemas (values are normalised: folded where the attribute ignores
 * case, currency codes in lower case) and how to describe them in errors.
 */

const text = z.string().max(MAX_STRING_LENGTH, { message: `at most ${MAX_STRING_LENGTH} characters` })
const list = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .min(1, { message: "needs at least one value" })
    .max(MAX_LIST_ITEMS, { message: `at most ${MAX_LIST_ITEMS} values` })
const number = z.number().refine(Number.isFinite, { message: "must be a finite number" })
const pair = <T extends z.ZodType>(item: T) => z.tuple([item, item])
export const dateValue = z.string().refine(isDateValue, {
  message: "must be a date (YYYY-MM-DD, today, or a relative date like -30d, -4w, -6m, -1y)",
})
const currencyCode = z
  .string()
  .regex(/^[A-Za-z]{3}$/, { message: "must be a 3-letter currency code, e.g. eur" })
  .transform((c) => c.toLowerCase())

/** The attribute whose money values may carry a date window (orders are stored with their dates). */
export const WINDOWED_MONEY_ATTRIBUTE = "amount_spent"
const WINDOW_KEYS = ["since", "until"] as const
const orderedWindow = (value: { since?: string; until?: string }) =>
  !(value.since && value.until && isAbsoluteDate(value.since) && isAbsoluteDate(value.until) && value.since > value.until)

/** An amount and a currency; with `windowed`, optionally `since` / `until` dates. */
export function moneySchema(name: string, windowed: boolean): z.ZodType {
  const fields = { amount: number, currency_code: currencyCode }
  if (windowed) {
    return z
      .object({ ...fields, since: dateValue.optional(), until: dateValue.optional() })
      .strict()
      .refine(orderedWindow, { message: "since must not be after until", path: ["until"] })
  }
  // Named keys (instead of strict()'s "unrecognized key") so the message says where dates do apply.
  return z
    .object({ ...fields, since: z.unknown().optional(), until: z.unknown().optional() })
    .strict()
    .superRefine((value, context) => {
      for (const key of WINDOW_KEYS) {
        if (key in value) {
          context.addIssue({
            code: "custom",
            path: [key],
            message: `"${key}" (a date window) applies only to ${WINDOWED_MONEY_ATTRIBUTE}, not to ${name}`,
          })
        }
      }
    })
}

type Money = { amount: number; currency_code: string; since?: string; until?: string }
const moneyPair = (single: z.ZodType) =>
  pair(single)
    .refine(([a, b]) => (a as Money).currency_code === (b as Money).currency_code, {
      message: "both ends of BETWEEN must use the same currency",
    })
    .refine(([a, b]) => WINDOW_KEYS.every((key) => (a as Money)[key] === (b as Money)[key]), {
      message: "both ends of BETWEEN must use the same dates (since and until)",
    })

const idList = list(text.min(1, { message: "must not be empty" }))

/** Which products (exactly one of the id lists), optionally when (`withDates`) and how many. */
export const purchaseFilter = (withDates: boolean) =>
  z
    .object({
      product_ids: idList.optional(),
      collection_ids: idList.optional(),
      category_ids: idList.optional(),
      type_ids: idList.optional(),
      ...(withDates ? { since: dateValue.optional(), until: dateValue.optional() } : {}),
      min_quantity: z.number().int().min(1).max(1_000_000).optional(),
    })
    .strict()
    .refine(
      (f) => [f.product_ids, f.collection_ids, f.category_ids, f.type_ids].filter(Boolean).length === 1,
      { message: "name exactly one of product_ids, collection_ids, category_ids, type_ids" }
    )

const scalar = z.union([text, number, z.boolean()])

/** One value of a type (an attribute may have its own, see AttributeEntry.single). */
export function typeSchema(type: ValueType, name: string): z.ZodType {
  switch (type) {
    case "string":
    case "id_list":
    case "string_list":
      return text
    case "number":
      return number
    case "money":
      return moneySchema(name, false)
    case "date":
      return dateValue
    case "boolean":
      return z.boolean()
    case "metadata":
      return scalar
    case "purchases":
      return purchaseFilter(true)
  }
}

const foldValues = (value: unknown): unknown =>
  typeof value === "string" ? fold(value) : Array.isArray(value) ? value.map(foldValues) : value

function orderedPair(values: [unknown, unknown]): boolean {
  const [a, b] = values
  if (typeof a === "number" && typeof b === "number") {
    return a <= b
  }
  if (typeof a === "string" && typeof b === "string" && isAbsoluteDate(a) && isAbsoluteDate(b)) {
    return a <= b
  }
  return true
}

/** The schema of a condition's value (null: the operator takes none), from the attribute's single-value schema. */
export function conditionValueSchema(
  attribute: { type: ValueType; case_insensitive?: boolean },
  single: z.ZodType,
  operator: Operator
): z.ZodType | null {
  const { type } = attribute
  let schema: z.ZodType
  switch (ARITY[operator]) {
    case "none":
      return null
    case "list":
      schema = list(single)
      break
    case "pair":
      schema =
        type === "money"
          ? moneyPair(single)
          : pair(single).refine((v) => orderedPair(v as [unknown, unknown]), { message: "BETWEEN needs the smaller value first" })
      break
    default:
      // Metadata: comparisons need a number, CONTAINS / STARTS WITH a string.
      schema =
        type === "metadata" && ["gt", "gte", "lt", "lte"].includes(operator)
          ? number
          : type === "metadata" && ["contains", "not_contains", "starts_with"].includes(operator)
            ? text
            : single
  }
  return attribute.case_insensitive ? z.preprocess(foldValues, schema) : schema
}

const ONE: Record<ValueType, string> = {
  string: "a string",
  number: "a number",
  money: "an amount with a currency, e.g. 500 EUR",
  date: "a date (YYYY-MM-DD, today, -30d, -4w, -6m, -1y)",
  boolean: "true or false",
  id_list: "an id",
  string_list: "a string",
  purchases: "a purchase filter, e.g. (product: 'prod_123', since: -90d)",
  metadata: "a string, number or boolean",
}

/** How a value of this attribute and operator is written, for error messages. */
export function describeValue(name: string, type: ValueType, operator: Operator): string {
  switch (ARITY[operator]) {
    case "none":
      return "no value"
    case "list":
      return `a list of ${ONE[type].replace(/^an? /, "")} values`
    case "pair":
      return name === WINDOWED_MONEY_ATTRIBUTE
        ? "two amounts in one currency, e.g. 100 EUR AND 500 EUR, optionally within dates written once after them: SINCE -90d, UNTIL 2026-06-30"
        : `two values: ${ONE[type]}`
    default:
      return name === WINDOWED_MONEY_ATTRIBUTE
        ? "an amount with a currency, e.g. 500 EUR, optionally within dates: 500 EUR SINCE -90d UNTIL 2026-06-30"
        : ONE[type]
  }
}
