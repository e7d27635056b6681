import { z } from "@medusajs/framework/zod"
import { CUSTOMER_GRID_COLUMNS, CUSTOMER_GRID_SORTS, type CustomerGridColumn, type CustomerGridFilters, type CustomerGridSort } from "../../../../types/http/customer-grid"

/**
 * The customers grid's filters, as a query string (`group_id[]=…`,
 * `created_at[gte]=…`, `has_account=true`: every value a string) or as JSON
 * (a saved view, a bulk action's selection). Both parse to CustomerGridFilters.
 * Every message starts with the field's name.
 */

const ID = /^[A-Za-z0-9_-]+$/
const MAX_IDS = 100

/** One value or a list (`group_id=a`, `group_id[]=a&group_id[]=b`, `group_id=a,b`). */
const listOf = <T extends z.ZodTypeAny>(field: string, item: T, max = MAX_IDS) =>
  z.preprocess(
    (value) => (typeof value === "string" ? value.split(",").map((v) => v.trim()).filter(Boolean) : value),
    z
      .array(item, { message: `${field}: must be a list` })
      .min(1, { message: `${field}: must name at least one value` })
      .max(max, { message: `${field}: at most ${max.toLocaleString("en-US")} values` })
  )

const idsOf = (field: string) =>
  listOf(
    field,
    z
      .string({ message: `${field}: must be ids` })
      .max(100, { message: `${field}: an id is at most 100 characters` })
      .regex(ID, { message: `${field}: must be ids (letters, digits, _ and -)` })
  )

const bool = (field: string) =>
  z.preprocess(
    (value) => (value === "true" ? true : value === "false" ? false : value),
    z.boolean({ message: `${field}: must be true or false` })
  )

/** An ISO 8601 date (2026-01-31, taken as UTC midnight) or date-time with a zone. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2}))?$/
/** The calendar date exists (JavaScript would roll 2026-02-30 over to March) and the time is in range. */
function realDate(value: string): boolean {
  if (!ISO_DATE.test(value)) {
    return true // the format's own message says what is wrong
  }
  const [y, m, d] = value.slice(0, 10).split("-").map(Number)
  const day = new Date(Date.UTC(y, m - 1, d))
  return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d && !Number.isNaN(Date.parse(value))
}
/**
 * A date bound. Bounds are inclusive: a date without a time is the whole day
 * (UTC), so `lte` of a date is its last microsecond.
 */
const date = (field: string, end: "start" | "end" = "start") =>
  z
    .string({ message: `${field}: must be an ISO 8601 date` })
    .regex(ISO_DATE, { message: `${field}: must be an ISO 8601 date (2026-01-31 or 2026-01-31T12:00:00Z)` })
    .refine(realDate, { message: `${field}: is not a real date` })
    .transform((value) => (end === "end" && value.length === 10 ? `${value}T23:59:59.999999Z` : new Date(value).toISOString()))

const dateRange = (field: string) =>
  z
    .object({ gte: date(`${field}[gte]`).optional(), lte: date(`${field}[lte]`, "end").optional() }, { message: `${field}: must be { gte, lte }` })
    .strict()
    .refine((r) => r.gte === undefined || r.lte === undefined || r.gte <= r.lte, { message: `${field}: gte is after lte` })

const number = (field: string, max: number, integer: boolean) =>
  z.preprocess(
    (value) => (typeof value === "string" && value.trim() !== "" ? Number(value) : value),
    (integer ? z.number({ message: `${field}: must be a number` }).int({ message: `${field}: must be a whole number` }) : z.number({ message: `${field}: must be a number` }))
      .min(0, { message: `${field}: must not be negative` })
      .max(max, { message: `${field}: at most ${max}` })
      .refine(Number.isFinite, { message: `${field}: must be a number` })
  )

const numberRange = (field: string, max: number, integer: boolean) => ({
  gte: number(`${field}[gte]`, max, integer).optional(),
  lte: number(`${field}[lte]`, max, integer).optional(),
})
const ordered = (r: { gte?: number; lte?: number }) => r.gte === undefined || r.lte === undefined || r.gte <= r.lte

const COUNTRY = /^[A-Za-z]{2}$/
const CURRENCY = /^[A-Za-z]{3}$/

export const CustomerGridFiltersSchema = z
  .object({
    q: z.string({ message: "q: must be text" }).trim().max(200, { message: "q: at most 200 characters" }).optional(),
    group_id: idsOf("group_id").optional(),
    segment_id: idsOf("segment_id").optional(),
    audience_id: idsOf("audience_id").optional(),
    tax_class_id: idsOf("tax_class_id").optional(),
    country: listOf("country", z.string({ message: "country: must be ISO 3166-1 alpha-2 codes" }).regex(COUNTRY, { message: "country: must be ISO 3166-1 alpha-2 codes (de, us)" }))
      .transform((codes) => [...new Set(codes.map((c) => c.toLowerCase()))])
      .optional(),
    has_account: bool("has_account").optional(),
    created_at: dateRange("created_at").optional(),
    orders_count: z
      .object(numberRange("orders_count", 1_000_000_000, true), { message: "orders_count: must be { gte, lte }" })
      .strict()
      .refine(ordered, { message: "orders_count: gte is above lte" })
      .optional(),
    amount_spent: z
      .object(
        {
          currency: z
            .string({ message: "amount_spent[currency]: required (an ISO 4217 code such as eur)" })
            .regex(CURRENCY, { message: "amount_spent[currency]: must be an ISO 4217 code (eur, usd)" })
            .transform((c) => c.toLowerCase()),
          ...numberRange("amount_spent", 1e15, false),
        },
        { message: "amount_spent: must be { currency, gte, lte }" }
      )
      .strict()
      .refine(ordered, { message: "amount_spent: gte is above lte" })
      .optional(),
    last_order_at: dateRange("last_order_at").optional(),
    last_activity_at: dateRange("last_activity_at").optional(),
    online: bool("online").optional(),
    locked: bool("locked").optional(),
  })
  .strict()

/** Sort: a CUSTOMER_GRID_SORTS field, descending with a leading "-". */
export const CustomerGridSortSchema = z
  .string({ message: "sort: must be text" })
  .refine((s) => (CUSTOMER_GRID_SORTS as readonly string[]).includes(s.replace(/^-/, "")), {
    message: `sort: one of ${CUSTOMER_GRID_SORTS.join(", ")}, with a leading - for descending`,
  })
  .transform((s) => s as CustomerGridSort)

export const CustomerGridColumnsSchema = listOf(
  "columns",
  z.enum(CUSTOMER_GRID_COLUMNS, { message: `columns: each one of ${CUSTOMER_GRID_COLUMNS.join(", ")}` })
).refine((c: CustomerGridColumn[]) => new Set(c).size === c.length, { message: "columns: a column is named twice" })

const sortNeedsCurrency = (p: { sort?: CustomerGridSort; amount_spent?: { currency: string } }) =>
  p.sort?.replace(/^-/, "") !== "amount_spent" || Boolean(p.amount_spent?.currency)
const SORT_CURRENCY = { message: "sort: amount_spent needs amount_spent[currency]", path: ["sort"] }

export type AdminGetCustomerGridParamsType = z.infer<typeof AdminGetCustomerGridParams>
/** GET /admin/customer-suite/customers */
export const AdminGetCustomerGridParams = CustomerGridFiltersSchema.extend({
  sort: CustomerGridSortSchema.optional(),
  limit: number("limit", 200, true).pipe(z.number().min(1, { message: "limit: at least 1" })).optional(),
  cursor: z.string({ message: "cursor: must be text" }).max(2_000, { message: "cursor: not one this grid gave" }).optional(),
})
  .strict()
  .refine(sortNeedsCurrency, SORT_CURRENCY)

export type AdminCountCustomerGridParamsType = z.infer<typeof AdminCountCustomerGridParams>
/** GET /admin/customer-suite/customers/count: the exact number the filters match (a bulk delete's confirmation). */
export const AdminCountCustomerGridParams = CustomerGridFiltersSchema

export type AdminExportCustomerGridParamsType = z.infer<typeof AdminExportCustomerGridParams>
/** GET /admin/customer-suite/customers/export: the grid's filters (or `ids`), its sort, and the columns to write. */
export const AdminExportCustomerGridParams = CustomerGridFiltersSchema.extend({
  sort: CustomerGridSortSchema.optional(),
  columns: CustomerGridColumnsSchema.optional(),
  /** Selected rows: only these customers (with the filters still applied). */
  ids: listOf(
    "ids",
    z.string({ message: "ids: must be ids" }).max(100).regex(ID, { message: "ids: must be ids (letters, digits, _ and -)" }),
    // A URL holds a few hundred ids; more go in POST's body.
    200
  ).optional(),
})
  .strict()
  .refine(sortNeedsCurrency, SORT_CURRENCY)

/** POST /admin/customer-suite/customers/export: the same as JSON, with up to 10,000 selected ids. */
export const AdminExportCustomerGridBody = CustomerGridFiltersSchema.extend({
  sort: CustomerGridSortSchema.optional(),
  columns: CustomerGridColumnsSchema.optional(),
  ids: listOf(
    "ids",
    z.string({ message: "ids: must be ids" }).max(100).regex(ID, { message: "ids: must be ids (letters, digits, _ and -)" }),
    10_000
  ).optional(),
})
  .strict()
  .refine(sortNeedsCurrency, SORT_CURRENCY)

/** Type check: the schema's output is the HTTP type. */
export const parsedFilters = (value: z.infer<typeof CustomerGridFiltersSchema>): CustomerGridFilters => value
