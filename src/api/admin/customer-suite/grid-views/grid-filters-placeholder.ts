import { z } from "@medusajs/framework/zod"
import type { CustomerGridFilters } from "../../../../types/http/customer-grid"

/**
 * PLACEHOLDER until the grid route's `CustomerGridFiltersSchema`
 * (../customers/validators.ts) is on main: the same contract (query-string
 * strings and JSON values alike, messages naming the field), written here so
 * saved views can be built and tested. Delete this file and import the grid's
 * schema in ./validators.ts when it lands.
 */
const ID = /^[A-Za-z0-9_-]{1,100}$/
const DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})?)?$/

const ids = (field: string) =>
  z
    .union([z.string(), z.array(z.string())], { message: `${field}: must be a list of ids` })
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .refine((v) => v.length >= 1 && v.length <= 1_000 && v.every((id) => ID.test(id)), { message: `${field}: must be 1 to 1,000 ids` })

const bool = (field: string) =>
  z
    .union([z.boolean(), z.enum(["true", "false"])], { message: `${field}: must be true or false` })
    .transform((v) => v === true || v === "true")

const date = (field: string) =>
  z
    .string({ message: `${field}: must be a date (ISO 8601)` })
    .refine((v) => DATE.test(v) && !Number.isNaN(Date.parse(v)), { message: `${field}: must be a date (ISO 8601)` })

const num = (field: string) =>
  z
    .union([z.number(), z.string()], { message: `${field}: must be a number` })
    .transform((v) => (typeof v === "number" ? v : v.trim() === "" ? Number.NaN : Number(v)))
    .refine((v) => Number.isFinite(v) && v >= 0, { message: `${field}: must be a number, 0 or more` })

const dateRange = (field: string) =>
  z.object({ gte: date(`${field}.gte`).optional(), lte: date(`${field}.lte`).optional() }, { message: `${field}: must be { gte?, lte? }` }).strict()

const numberRange = (field: string) =>
  z.object({ gte: num(`${field}.gte`).optional(), lte: num(`${field}.lte`).optional() }, { message: `${field}: must be { gte?, lte? }` }).strict()

export const CustomerGridFiltersSchema = z
  .object({
    q: z.string().trim().max(200, { message: "q: at most 200 characters" }).optional(),
    group_id: ids("group_id").optional(),
    segment_id: ids("segment_id").optional(),
    audience_id: ids("audience_id").optional(),
    tax_class_id: ids("tax_class_id").optional(),
    country: z
      .union([z.string(), z.array(z.string())], { message: "country: must be a list of ISO 3166-1 alpha-2 codes" })
      .transform((v) => (Array.isArray(v) ? v : [v]))
      .refine((v) => v.length >= 1 && v.length <= 300 && v.every((c) => /^[A-Za-z]{2}$/.test(c)), {
        message: "country: must be a list of ISO 3166-1 alpha-2 codes",
      })
      .transform((v) => v.map((c) => c.toUpperCase()))
      .optional(),
    has_account: bool("has_account").optional(),
    created_at: dateRange("created_at").optional(),
    orders_count: numberRange("orders_count").optional(),
    amount_spent: z
      .object({
        currency: z.string({ message: "amount_spent.currency: required" }).regex(/^[A-Za-z]{3}$/, { message: "amount_spent.currency: must be a 3-letter currency code" }),
        gte: num("amount_spent.gte").optional(),
        lte: num("amount_spent.lte").optional(),
      })
      .strict()
      .transform((v) => ({ ...v, currency: v.currency.toLowerCase() }))
      .optional(),
    last_order_at: dateRange("last_order_at").optional(),
    last_activity_at: dateRange("last_activity_at").optional(),
    online: bool("online").optional(),
    locked: bool("locked").optional(),
  })
  .strict() satisfies z.ZodType<CustomerGridFilters, unknown>
