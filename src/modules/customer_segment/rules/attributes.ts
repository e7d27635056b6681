import { z } from "@medusajs/framework/zod"
import { MAX_LIST_ITEMS, MAX_STRING_LENGTH, OPERATORS, type Operator } from "./ast"
import { isAbsoluteDate, isDateValue } from "./dates"

/**
 * The attributes a rule can read. Each entry says its type (which decides the
 * operators and the value format), whether guests' carts have it, and what the
 * admin builder shows. The SQL expression and in-memory getter of each
 * attribute are added with the facts projection (customer_profile).
 */
export type AttributeType =
  | "string"
  | "number"
  | "money"
  | "date"
  | "boolean"
  | "id_list"
  | "string_list"
  | "purchases"
  | "metadata"

/** What the admin builder offers as a searchable picker for the values. */
export type ValuePicker =
  | "customer_group"
  | "country"
  | "product"
  | "collection"
  | "category"
  | "product_type"

export type AttributeDefinition = {
  name: string
  type: AttributeType
  label: string
  description: string
  /** Available for guests (evaluated on the cart) as well as registered customers. */
  guest: boolean
  /** Values are compared case-insensitively (stored and matched in lower case). */
  case_insensitive?: boolean
  picker?: ValuePicker
}

export const OPERATORS_BY_TYPE: Record<AttributeType, readonly Operator[]> = {
  string: ["eq", "neq", "in", "not_in", "contains", "not_contains", "starts_with", "exists", "not_exists"],
  number: ["eq", "neq", "gt", "gte", "lt", "lte", "between", "in", "not_in", "exists", "not_exists"],
  money: ["eq", "neq", "gt", "gte", "lt", "lte", "between", "exists", "not_exists"],
  date: ["eq", "neq", "gt", "gte", "lt", "lte", "between", "exists", "not_exists"],
  boolean: ["eq", "neq"],
  id_list: ["contains", "not_contains", "in", "not_in", "exists", "not_exists"],
  string_list: ["contains", "not_contains", "in", "not_in", "exists", "not_exists"],
  purchases: ["contains", "not_contains"],
  // Typed values: every operator but BETWEEN (comparisons need a number, CONTAINS a string).
  metadata: OPERATORS.filter((o) => o !== "between"),
}

const attribute = (definition: AttributeDefinition) => definition

export const ATTRIBUTES: readonly AttributeDefinition[] = [
  attribute({ name: "email", type: "string", label: "Email", description: "The customer's email address.", guest: true, case_insensitive: true }),
  attribute({ name: "email_domain", type: "string", label: "Email domain", description: "The part of the email address after @, e.g. example.com.", guest: true, case_insensitive: true }),
  attribute({ name: "first_name", type: "string", label: "First name", description: "The customer's first name.", guest: false }),
  attribute({ name: "last_name", type: "string", label: "Last name", description: "The customer's last name.", guest: false }),
  attribute({ name: "has_account", type: "boolean", label: "Has an account", description: "Whether the customer registered (true) or only checked out as a guest (false).", guest: true }),
  attribute({ name: "customer_added_date", type: "date", label: "Customer since", description: "When the customer record was created.", guest: false }),
  attribute({ name: "customer_groups", type: "id_list", label: "Customer groups", description: "The customer groups the customer belongs to.", guest: false, picker: "customer_group" }),
  attribute({ name: "countries", type: "string_list", label: "Countries", description: "Countries of the customer's saved addresses (ISO 3166-1 alpha-2, any case); for guests, the cart's shipping country.", guest: true, case_insensitive: true, picker: "country" }),
  attribute({ name: "provinces", type: "string_list", label: "Provinces / states", description: "Province or state codes of the customer's addresses, e.g. us-ca.", guest: true, case_insensitive: true }),
  attribute({ name: "cities", type: "string_list", label: "Cities", description: "Cities of the customer's addresses (compared without case).", guest: true, case_insensitive: true }),
  attribute({ name: "number_of_orders", type: "number", label: "Number of orders", description: "Placed orders that are not canceled.", guest: false }),
  attribute({ name: "amount_spent", type: "money", label: "Amount spent", description: "Sum of the totals of placed, not canceled orders in one currency (currencies are never added together); optionally only orders placed within dates (SINCE / UNTIL).", guest: false }),
  attribute({ name: "average_order_value", type: "money", label: "Average order value", description: "Amount spent divided by the number of orders, in one currency.", guest: false }),
  attribute({ name: "first_order_date", type: "date", label: "First order date", description: "When the first placed, not canceled order was made; empty without orders.", guest: false }),
  attribute({ name: "last_order_date", type: "date", label: "Last order date", description: "When the latest placed, not canceled order was made; empty without orders.", guest: false }),
  attribute({ name: "products_purchased", type: "purchases", label: "Products purchased", description: "Products bought in placed, not canceled orders: by product, collection, category or type, optionally within dates and from a minimum quantity.", guest: false, picker: "product" }),
  attribute({ name: "cart_subtotal", type: "money", label: "Cart subtotal", description: "The current cart's item subtotal, in the cart's currency.", guest: true }),
  attribute({ name: "cart_item_count", type: "number", label: "Cart item count", description: "Total quantity of items in the current cart.", guest: true }),
  attribute({ name: "cart_products", type: "purchases", label: "Cart products", description: "Products in the current cart: by product, collection or category, optionally from a minimum quantity.", guest: true, picker: "product" }),
]

export const METADATA_PREFIX = "metadata."
const METADATA_KEY = /^[A-Za-z0-9_-]{1,100}$/

const byName = new Map(ATTRIBUTES.map((a) => [a.name, a]))

/** The definition of an attribute name, including `metadata.<key>`; undefined when unknown. */
export function findAttribute(name: string): AttributeDefinition | undefined {
  const known = byName.get(name)
  if (known) {
    return known
  }
  if (name.startsWith(METADATA_PREFIX) && METADATA_KEY.test(name.slice(METADATA_PREFIX.length))) {
    const key = name.slice(METADATA_PREFIX.length)
    return {
      name,
      type: "metadata",
      label: `Metadata: ${key}`,
      description: `The value of the customer's metadata key "${key}".`,
      guest: false,
    }
  }
  return undefined
}

export const isAttributeName = (name: string) =>
  /^[a-z][a-z0-9_]*$/.test(name) ||
  (name.startsWith(METADATA_PREFIX) && METADATA_KEY.test(name.slice(METADATA_PREFIX.length)))

// ---------------------------------------------------------------- value schemas

const text = z.string().max(MAX_STRING_LENGTH, { message: `at most ${MAX_STRING_LENGTH} characters` })
const list = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .min(1, { message: "needs at least one value" })
    .max(MAX_LIST_ITEMS, { message: `at most ${MAX_LIST_ITEMS} values` })
const number = z.number().refine(Number.isFinite, { message: "must be a finite number" })
const pair = <T extends z.ZodType>(item: T) => z.tuple([item, item])
const dateValue = z.string().refine(isDateValue, {
  message: "must be a date: YYYY-MM-DD, today, or a relative date like -30d, -4w, -6m, -1y",
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

/** An amount and a currency; on amount_spent, optionally `since` / `until` dates. */
function moneySchema(definition: AttributeDefinition) {
  const fields = { amount: number, currency_code: currencyCode }
  if (definition.name === WINDOWED_MONEY_ATTRIBUTE) {
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
            message: `"${key}" (a date window) applies only to ${WINDOWED_MONEY_ATTRIBUTE}, not to ${definition.name}`,
          })
        }
      }
    })
}

function moneyPair(definition: AttributeDefinition) {
  return pair(moneySchema(definition))
    .refine(([a, b]) => a.currency_code === b.currency_code, {
      message: "both ends of BETWEEN must use the same currency",
    })
    .refine(([a, b]) => WINDOW_KEYS.every((key) => a[key] === b[key]), {
      message: "both ends of BETWEEN must use the same dates (since and until)",
    })
}
const idList = list(text.min(1, { message: "must not be empty" }))
const purchaseFilter = (withDates: boolean) =>
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
      (f) =>
        [f.product_ids, f.collection_ids, f.category_ids, f.type_ids].filter(Boolean).length === 1,
      { message: "name exactly one of product_ids, collection_ids, category_ids, type_ids" }
    )

const scalar = z.union([text, number, z.boolean()])

const lower = (value: unknown): unknown =>
  typeof value === "string"
    ? value.toLowerCase()
    : Array.isArray(value)
      ? value.map(lower)
      : value

function orderedPair(values: [number, number] | [string, string]): boolean {
  const [a, b] = values
  if (typeof a === "number" && typeof b === "number") {
    return a <= b
  }
  if (typeof a === "string" && typeof b === "string" && isAbsoluteDate(a) && isAbsoluteDate(b)) {
    return a <= b
  }
  return true
}

/** The schema of a condition's value, or null when the operator takes no value. */
export function valueSchema(definition: AttributeDefinition, operator: Operator): z.ZodType | null {
  if (operator === "exists" || operator === "not_exists") {
    return null
  }
  const single = (): z.ZodType => {
    switch (definition.type) {
      case "string":
      case "id_list":
      case "string_list":
        return text
      case "number":
        return number
      case "money":
        return moneySchema(definition)
      case "date":
        return dateValue
      case "boolean":
        return z.boolean()
      case "metadata":
        return scalar
      case "purchases":
        return purchaseFilter(definition.name !== "cart_products")
    }
  }
  let schema: z.ZodType
  switch (operator) {
    case "in":
    case "not_in":
      schema = definition.type === "metadata" ? list(scalar) : list(single())
      break
    case "between":
      schema =
        definition.type === "money"
          ? moneyPair(definition)
          : pair(single()).refine(
              (v) => orderedPair(v as [number, number] | [string, string]),
              { message: "BETWEEN needs the smaller value first" }
            )
      break
    case "gt":
    case "gte":
    case "lt":
    case "lte":
      schema = definition.type === "metadata" ? number : single()
      break
    case "contains":
    case "not_contains":
    case "starts_with":
      schema = definition.type === "metadata" ? text : single()
      break
    default:
      schema = single()
  }
  return definition.case_insensitive ? z.preprocess(lower, schema) : schema
}

/** How a value of this attribute and operator is written, for error messages. */
export function describeValue(definition: AttributeDefinition, operator: Operator): string {
  if (operator === "exists" || operator === "not_exists") {
    return "no value"
  }
  const one: Record<AttributeType, string> = {
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
  if (operator === "in" || operator === "not_in") {
    return `a list of ${one[definition.type].replace(/^an? /, "")} values`
  }
  if (definition.name === WINDOWED_MONEY_ATTRIBUTE) {
    return operator === "between"
      ? "two amounts in one currency, e.g. 100 EUR AND 500 EUR, optionally within dates written once after them: SINCE -90d, UNTIL 2026-06-30"
      : "an amount with a currency, e.g. 500 EUR, optionally within dates: 500 EUR SINCE -90d UNTIL 2026-06-30"
  }
  if (operator === "between") {
    return `two values: ${one[definition.type]}`
  }
  return one[definition.type]
}
