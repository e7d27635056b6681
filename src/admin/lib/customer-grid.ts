import { allValues } from "./all-values"
import {
  CUSTOMER_GRID_COLUMNS,
  CUSTOMER_GRID_SORTS,
  type BulkActionKind,
  type BulkActionStatus,
  type CustomerGridColumn,
  type CustomerGridFilters,
  type CustomerGridSort,
  type CustomerGridSortField,
  type DateRange,
  type NumberRange,
} from "../../types/http/customer-grid"

/**
 * The customers grid's state in the page's URL, in the API's own query
 * format (`group_id[]=…&created_at[gte]=…&amount_spent[currency]=eur`), so a
 * reload or a shared link shows the same customers and the grid request
 * forwards the filters as they are: the API judges them and names the field
 * it refuses. No React here: the unit tests import it.
 */

export const LIST_FILTERS = ["group_id", "segment_id", "audience_id", "tax_class_id", "country"] as const
export const BOOLEAN_FILTERS = ["has_account", "online", "locked"] as const
export const DATE_FILTERS = ["created_at", "last_order_at", "last_activity_at"] as const
export type ListFilter = (typeof LIST_FILTERS)[number]
export type BooleanFilter = (typeof BOOLEAN_FILTERS)[number]
export type DateFilter = (typeof DATE_FILTERS)[number]

/** The bulk action menu, in its order (every kind the API knows). */
export const BULK_ACTIONS = allValues<BulkActionKind>()([
  "add_to_group",
  "remove_from_group",
  "add_to_segment",
  "remove_from_segment",
  "send_password_reset",
  "unlock",
  "end_sessions",
  "delete",
])
export const BULK_STATUSES = allValues<BulkActionStatus>()(["queued", "running", "completed", "failed", "canceled"])

/** The columns shown until the merchant chooses others (or a view does). */
const SHOWN_FIRST = new Set<CustomerGridColumn>(["email", "first_name", "last_name", "created_at", "groups", "orders_count", "amount_spent", "last_order_at"])
export const DEFAULT_COLUMNS: CustomerGridColumn[] = CUSTOMER_GRID_COLUMNS.filter((c) => SHOWN_FIRST.has(c))

/** URL keys of the page that are not filters. */
export const PAGE_KEYS = { sort: "sort", columns: "columns", view: "view" } as const

const has = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value)

/** Whether a URL key is one of the grid's filters (forwarded to the API as it is). */
export function isFilterKey(key: string): boolean {
  if (key === "q") {
    return true
  }
  const list = /^(\w+)(\[\])?$/.exec(key)
  if (list && (has(LIST_FILTERS, list[1]) || (!list[2] && has(BOOLEAN_FILTERS, list[1])))) {
    return true
  }
  const range = /^(\w+)\[(gte|lte|currency)\]$/.exec(key)
  if (!range) {
    return false
  }
  const [, name, bound] = range
  return (
    (bound !== "currency" && (has(DATE_FILTERS, name) || name === "orders_count" || name === "amount_spent")) ||
    (bound === "currency" && name === "amount_spent")
  )
}

/** The filters' part of the URL, in the order it came (what the grid request forwards). */
export const filterEntries = (params: URLSearchParams): [string, string][] => [...params.entries()].filter(([key, value]) => value !== "" && isFilterKey(key))

/** Filters → URL entries in the API's query format (blank values left out; lists sorted, so equal filters give equal URLs). */
export function filtersToEntries(filters: CustomerGridFilters): [string, string][] {
  const entries: [string, string][] = []
  if (filters.q?.trim()) {
    entries.push(["q", filters.q])
  }
  for (const key of LIST_FILTERS) {
    for (const value of [...(filters[key] ?? [])].sort()) {
      entries.push([`${key}[]`, value])
    }
  }
  for (const key of BOOLEAN_FILTERS) {
    const value = filters[key]
    if (value !== undefined) {
      entries.push([key, String(value)])
    }
  }
  const range = (key: string, value: DateRange | NumberRange | undefined) => {
    for (const bound of ["gte", "lte"] as const) {
      const v = value?.[bound]
      if (v !== undefined && v !== "") {
        entries.push([`${key}[${bound}]`, String(v)])
      }
    }
  }
  for (const key of DATE_FILTERS) {
    range(key, filters[key])
  }
  range("orders_count", filters.orders_count)
  if (filters.amount_spent?.currency) {
    entries.push(["amount_spent[currency]", filters.amount_spent.currency])
    range("amount_spent", filters.amount_spent)
  }
  return entries
}

const toBoolean = (value: string | null) => (value === "true" ? true : value === "false" ? false : undefined)
const toNumber = (value: string | null) => (value !== null && value.trim() !== "" && Number.isFinite(Number(value)) ? Number(value) : undefined)
const compact = <T extends object>(value: T): T | undefined => (Object.values(value).some((v) => v !== undefined) ? value : undefined)

/**
 * The filters a URL holds, as JSON values (for a saved view or a bulk action
 * on "everything the filter matches"). A value that is not one (a number
 * typed as letters) is left out here; the grid request still carries it, so
 * the API's refusal is what the page shows.
 */
export function filtersFromParams(params: URLSearchParams): CustomerGridFilters {
  const filters: CustomerGridFilters = {}
  const q = params.get("q")
  if (q?.trim()) {
    filters.q = q
  }
  for (const key of LIST_FILTERS) {
    const values = [...new Set([...params.getAll(`${key}[]`), ...params.getAll(key)].filter(Boolean))]
    if (values.length) {
      filters[key] = values
    }
  }
  for (const key of BOOLEAN_FILTERS) {
    const value = toBoolean(params.get(key))
    if (value !== undefined) {
      filters[key] = value
    }
  }
  for (const key of DATE_FILTERS) {
    const range = compact<DateRange>({ gte: params.get(`${key}[gte]`) || undefined, lte: params.get(`${key}[lte]`) || undefined })
    if (range) {
      filters[key] = range
    }
  }
  const orders = compact<NumberRange>({ gte: toNumber(params.get("orders_count[gte]")), lte: toNumber(params.get("orders_count[lte]")) })
  if (orders) {
    filters.orders_count = orders
  }
  const currency = params.get("amount_spent[currency]")
  if (currency) {
    filters.amount_spent = { currency, gte: toNumber(params.get("amount_spent[gte]")), lte: toNumber(params.get("amount_spent[lte]")) }
    for (const bound of ["gte", "lte"] as const) {
      if (filters.amount_spent[bound] === undefined) {
        delete filters.amount_spent[bound]
      }
    }
  }
  return filters
}

/** The sort in the URL, when it is one the grid offers (amount spent needs a currency). */
export function sortFromParams(params: URLSearchParams): CustomerGridSort | undefined {
  const sort = params.get(PAGE_KEYS.sort) ?? ""
  const field = sort.replace(/^-/, "")
  if (!has(CUSTOMER_GRID_SORTS, field) || (field === "amount_spent" && !params.get("amount_spent[currency]"))) {
    return undefined
  }
  return sort as CustomerGridSort
}

export const sortField = (sort: CustomerGridSort | undefined): CustomerGridSortField | undefined =>
  sort ? (sort.replace(/^-/, "") as CustomerGridSortField) : undefined

/** A click on a column's header: ascending first, then each click turns it around. */
export const nextSort = (current: CustomerGridSort | undefined, field: CustomerGridSortField): CustomerGridSort =>
  current === field ? `-${field}` : field

export const isSortable = (column: CustomerGridColumn): column is CustomerGridSortField => has(CUSTOMER_GRID_SORTS, column)

/** The columns in the URL (known ones, in the grid's order), or the default ones. */
export function columnsFromParams(params: URLSearchParams): CustomerGridColumn[] {
  const raw = params.get(PAGE_KEYS.columns)
  if (!raw) {
    return DEFAULT_COLUMNS
  }
  const chosen = new Set(raw.split(","))
  const columns = CUSTOMER_GRID_COLUMNS.filter((c) => chosen.has(c))
  return columns.length ? columns : DEFAULT_COLUMNS
}

/** The URL of a state: filters, then the sort and columns (the columns left out when they are the default ones). */
export function stateToParams(state: { filters: CustomerGridFilters; columns: CustomerGridColumn[]; sort?: CustomerGridSort | null; view?: string | null }) {
  const params = new URLSearchParams(filtersToEntries(state.filters))
  if (state.sort) {
    params.set(PAGE_KEYS.sort, state.sort)
  }
  const columns = CUSTOMER_GRID_COLUMNS.filter((c) => state.columns.includes(c))
  if (columns.join(",") !== DEFAULT_COLUMNS.join(",")) {
    params.set(PAGE_KEYS.columns, columns.join(","))
  }
  if (state.view) {
    params.set(PAGE_KEYS.view, state.view)
  }
  return params
}

/** The query string of a grid page request: the URL's filters as they are, the sort, the page size and the cursor. */
export function gridQuery(params: URLSearchParams, { limit, cursor }: { limit: number; cursor: string | null }) {
  const query = new URLSearchParams(filterEntries(params))
  const sort = sortFromParams(params)
  if (sort) {
    query.set("sort", sort)
  }
  query.set("limit", String(limit))
  if (cursor) {
    query.set("cursor", cursor)
  }
  return query.toString()
}

/** The export's query string: the chosen columns, and either the selected ids or the URL's filters (none: every customer). */
export function exportQuery(params: URLSearchParams, columns: CustomerGridColumn[], ids: string[] | null) {
  const query = new URLSearchParams()
  for (const column of columns) {
    query.append("columns[]", column)
  }
  if (ids) {
    for (const id of ids) {
      query.append("ids[]", id)
    }
  } else {
    for (const [key, value] of filterEntries(params)) {
      query.append(key, value)
    }
  }
  const sort = sortFromParams(params)
  if (sort && !ids) {
    query.set("sort", sort)
  }
  return query.toString()
}

/** How many filters are set (the Filters button's badge). */
export function countFilters(filters: CustomerGridFilters): number {
  return Object.entries(filters).filter(([key]) => key !== "q").length
}

/**
 * Counts the CSV records in a stream of text, chunk by chunk: a line break
 * inside a quoted field is part of the field, not a new record.
 */
export function csvRecordCounter() {
  let quoted = false
  let records = 0
  let pending = false
  return {
    push(chunk: string) {
      for (let i = 0; i < chunk.length; i++) {
        const ch = chunk[i]
        if (ch === '"') {
          quoted = !quoted
          pending = true
        } else if (ch === "\n" && !quoted) {
          records++
          pending = false
        } else if (ch !== "\r") {
          pending = true
        }
      }
      return records
    },
    /** Records so far, the last one counted even without a final line break. */
    total: () => records + (pending ? 1 : 0),
  }
}

/** A date filter's end as the date input shows it (the first 10 characters of the ISO value). */
export const dateInputValue = (value: string | undefined) => (value ? value.slice(0, 10) : "")

/**
 * A date input's value as a filter bound, in UTC: the start of the day for
 * "from", the last millisecond of the day for "to" (bounds are inclusive).
 */
export const dateBound = (value: string, bound: "gte" | "lte") => (value ? (bound === "gte" ? `${value}T00:00:00.000Z` : `${value}T23:59:59.999Z`) : undefined)
