import { z } from "@medusajs/framework/zod"
import { CUSTOMER_GRID_COLUMNS, CUSTOMER_GRID_SORTS, type CustomerGridColumn, type CustomerGridFilters, type CustomerGridSort } from "../../../../types/http/customer-grid"
import { CustomerGridFiltersSchema } from "../customers/validators"

/** A stored view's filters, as JSON (the grid's own bounds keep it far below). */
const MAX_FILTERS_JSON = 20_000

/**
 * A value `accept` takes, else one custom issue: Medusa shows a custom
 * issue's message as written (a type mismatch would read "Expected type …"),
 * so every message starts with its field.
 */
const checked = <T>(accept: (value: unknown) => T | undefined, message: string) =>
  z.unknown().transform((value, ctx): T => {
    const accepted = accept(value)
    if (accepted === undefined) {
      ctx.addIssue({ code: "custom", message })
      return z.NEVER
    }
    return accepted
  })

const name = checked((v) => (typeof v === "string" && v.trim().length >= 1 && v.trim().length <= 120 ? v.trim() : undefined), "name: must be 1 to 120 characters")

const shared = checked((v) => (typeof v === "boolean" ? v : undefined), "shared: must be true or false")

const COLUMNS = new Set<string>(CUSTOMER_GRID_COLUMNS)
const columns = z.unknown().transform((value, ctx): CustomerGridColumn[] => {
  if (!Array.isArray(value) || value.length === 0 || value.length > CUSTOMER_GRID_COLUMNS.length) {
    ctx.addIssue({ code: "custom", message: `columns: must be a list of 1 to ${CUSTOMER_GRID_COLUMNS.length} of ${CUSTOMER_GRID_COLUMNS.join(", ")}` })
    return z.NEVER
  }
  const seen = new Set<string>()
  value.forEach((column, index) => {
    if (typeof column !== "string" || !COLUMNS.has(column)) {
      ctx.addIssue({ code: "custom", message: `columns.${index}: unknown column ${JSON.stringify(column)} (one of ${CUSTOMER_GRID_COLUMNS.join(", ")})` })
    } else if (seen.has(column)) {
      ctx.addIssue({ code: "custom", message: `columns.${index}: "${column}" is listed twice` })
    }
    seen.add(String(column))
  })
  return value as CustomerGridColumn[]
})

const SORTS = new Set<string>([...CUSTOMER_GRID_SORTS, ...CUSTOMER_GRID_SORTS.map((s) => `-${s}`)])
const sort = z.unknown().transform((value, ctx): CustomerGridSort | null => {
  if (value === null) {
    return null
  }
  if (typeof value !== "string" || !SORTS.has(value)) {
    ctx.addIssue({ code: "custom", message: `sort: must be one of ${CUSTOMER_GRID_SORTS.join(", ")}, with a leading "-" for descending, or null` })
    return z.NEVER
  }
  return value as CustomerGridSort
})

/**
 * The grid's own filter schema, so a view holds only filters the grid
 * accepts, stored as the grid parses them; its messages get the "filters."
 * prefix ("filters.created_at.gte: …").
 */
const filters = z.unknown().transform((value, ctx): CustomerGridFilters => {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    ctx.addIssue({ code: "custom", message: "filters: must be an object of the grid's filters" })
    return z.NEVER
  }
  const parsed = CustomerGridFiltersSchema.safeParse(value)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      ctx.addIssue({ code: "custom", message: `filters.${fieldMessage(issue)}` })
    }
    return z.NEVER
  }
  const result = parsed.data as CustomerGridFilters
  if (JSON.stringify(result).length > MAX_FILTERS_JSON) {
    ctx.addIssue({ code: "custom", message: `filters: too large (at most ${MAX_FILTERS_JSON.toLocaleString("en")} characters as JSON)` })
    return z.NEVER
  }
  return result
})

/** An issue's message starting with its field: kept when it already does, else the path is put in front. */
function fieldMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === "unrecognized_keys") {
    const at = issue.path.join(".")
    return at ? `${at}: unknown key(s) ${issue.keys.join(", ")}` : `${issue.keys.join(", ")}: unknown filter(s)`
  }
  if (/^[A-Za-z_][\w.[\]]*: /.test(issue.message)) {
    return issue.message
  }
  return `${issue.path.join(".") || "(filters)"}: ${issue.message}`
}

const viewId = checked(
  (v) => (v === null ? null : typeof v === "string" && /^[A-Za-z0-9_-]{1,100}$/.test(v) ? v : undefined),
  "view_id: must be a saved view id, or null"
)

export type AdminGridViewParamsType = z.infer<typeof AdminGridViewParams>
export const AdminGridViewParams = z.object({}).strict()

export type AdminCreateGridViewType = z.output<typeof AdminCreateGridView>
/** POST /admin/customer-suite/grid-views */
export const AdminCreateGridView = z
  .object({
    name,
    shared: shared.optional(),
    filters: filters.optional(),
    columns,
    sort: sort.optional(),
  })
  .strict()

export type AdminUpdateGridViewType = z.output<typeof AdminUpdateGridView>
/** POST /admin/customer-suite/grid-views/:id: the fields sent change; `filters` and `columns` are replaced whole. */
export const AdminUpdateGridView = z
  .object({
    name: name.optional(),
    shared: shared.optional(),
    filters: filters.optional(),
    columns: columns.optional(),
    sort: sort.optional(),
  })
  .strict()

export type AdminSetDefaultGridViewType = z.output<typeof AdminSetDefaultGridView>
/** POST /admin/customer-suite/grid-views/default: `null` goes back to the grid's built-in default. */
export const AdminSetDefaultGridView = z.object({ view_id: viewId }).strict()
