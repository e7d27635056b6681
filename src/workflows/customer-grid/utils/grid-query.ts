import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { limiterStore, readSignInLock } from "../../../modules/customer_activity/sign-in-limits"
import { positional } from "../../../modules/customer_segment/sql/execute"
import { fold } from "../../../modules/customer_segment/rules/fold"
import { activitySettings, type ActivitySettings } from "../../../api/utils/activity-settings"
import type {
  AdminCustomerGridResponse,
  CustomerGridColumn,
  CustomerGridFilters,
  CustomerGridRow,
  CustomerGridSort,
  CustomerGridSortField,
} from "../../../types/http/customer-grid"

/**
 * The customers grid's reads (docs/decisions/0041): the facts projection
 * (customer_profile, kept current by the segment subscribers) joined to
 * Medusa's customer row, filtered in one statement with bound parameters,
 * ordered by a sort key and the customer id in the "C" collation's byte
 * order (never the database's locale), and paged by keyset: a page costs the
 * same at any depth. The keys match the indexes of the segment module's
 * migration Migration20261202200000.
 */

type Knex = {
  raw: (sql: string, bindings: unknown[]) => Promise<{ rows: unknown[] }>
  transaction: <T>(run: (trx: Knex) => Promise<T>) => Promise<T>
}
type Scope = Pick<MedusaContainer, "resolve">

export const DEFAULT_GRID_SORT: CustomerGridSort = "-created_at"
export const DEFAULT_GRID_LIMIT = 50
/** Counting stops being "cheap" after this long; the planner's estimate is given instead. */
export const EXACT_COUNT_BUDGET_MS = 120
/** Locked accounts checked for the `locked` filter at most (locks in the security log within the lockout). */
const MAX_LOCK_CANDIDATES = 5_000

type SortKind = "date" | "number" | "text"
type SortSpec = { key: (currencyParam: string) => string; kind: SortKind }

const NEG_INFINITY = `'-infinity'::timestamptz`
const SORTS: Record<CustomerGridSortField, SortSpec> = {
  created_at: { key: () => `coalesce(p.customer_added_at, ${NEG_INFINITY})`, kind: "date" },
  email: { key: () => `(coalesce(p.email, '') collate "C")`, kind: "text" },
  last_name: { key: () => `(coalesce(p.last_name_folded, '') collate "C")`, kind: "text" },
  orders_count: { key: () => `p.orders_count`, kind: "number" },
  amount_spent: { key: (currency) => `coalesce((p.spend -> ${currency} ->> 'amount')::numeric, 0)`, kind: "number" },
  last_order_at: { key: () => `coalesce(p.last_order_at, ${NEG_INFINITY})`, kind: "date" },
  last_activity_at: { key: () => `coalesce(p.last_activity_at, ${NEG_INFINITY})`, kind: "date" },
}
const CAST: Record<SortKind, string> = { date: "timestamptz", number: "numeric", text: "text" }
/** The key as text that casts back to the same value: microseconds kept, never the session's time zone or date style. */
const keyText = (key: string, kind: SortKind) =>
  kind === "date"
    ? `(case when isfinite(${key}) then to_char(${key} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') else ${key}::text end)`
    : `(${key})::text`

const ID = `(p.customer_id collate "C")`

/** Bound values, referenced as $1, $2, … */
class Params {
  readonly values: unknown[] = []
  add(value: unknown): string {
    this.values.push(value)
    return `$${this.values.length}`
  }
}

type Cursor = { s: string; k: string; i: string }

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor), "utf8").toString("base64url")
}

function decodeCursor(text: string, sort: CustomerGridSort): Cursor {
  const invalid = () => new MedusaError(MedusaError.Types.INVALID_DATA, "cursor: not one this grid gave (or it was given for another sort)")
  let cursor: unknown
  try {
    cursor = JSON.parse(Buffer.from(text, "base64url").toString("utf8"))
  } catch {
    throw invalid()
  }
  const c = cursor as Partial<Cursor> | null
  if (!c || typeof c !== "object" || c.s !== sort || typeof c.k !== "string" || typeof c.i !== "string" || c.k.length > 500 || c.i.length > 200) {
    throw invalid()
  }
  return c as Cursor
}

// ---------------------------------------------------------------------------
// What the filters need besides the projection

type Context = {
  knex: Knex
  now: Date
  settings: ActivitySettings
  /** Customer group id → its tax class (all groups: a store has few). */
  groups: () => Promise<Map<string, { name: string; tax_class: { id: string; name: string } | null }>>
  /** Customers whose sign-ins are refused now (among those the security log shows locked within the lockout). */
  lockedAmong: (customerIds: string[] | null) => Promise<Set<string>>
}

async function gridContext(container: Scope, now: Date): Promise<Context> {
  const knex = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const settings = await activitySettings(container)
  let groups: ReturnType<Context["groups"]> | undefined
  return {
    knex,
    now,
    settings,
    groups: () =>
      (groups ??= (async () => {
        const query = container.resolve(ContainerRegistrationKeys.QUERY)
        const { data } = await query.graph({ entity: "customer_group", fields: ["id", "name", "tax_class.id", "tax_class.name"] })
        return new Map(
          (data as { id: string; name: string | null; tax_class?: { id: string; name: string } | null }[]).map((g) => [
            g.id,
            { name: g.name ?? g.id, tax_class: g.tax_class ? { id: g.tax_class.id, name: g.tax_class.name } : null },
          ])
        )
      })()),
    lockedAmong: async (customerIds) => {
      const since = new Date(now.getTime() - settings.sign_in.lockout_minutes * 60_000)
      const params = new Params()
      const candidates = (await run<{ customer_id: string; email: string }>(
        knex,
        `SELECT DISTINCT customer_id, email FROM customer_security_event
          WHERE deleted_at IS NULL AND kind = 'account_locked' AND occurred_at >= ${params.add(since)}
            AND customer_id IS NOT NULL AND email IS NOT NULL
            ${customerIds ? `AND customer_id = ANY(${params.add(customerIds)}::text[])` : ""}
          ORDER BY customer_id, email LIMIT ${MAX_LOCK_CANDIDATES}`,
        params.values
      ))
      if (!candidates.length) {
        return new Set()
      }
      const store = limiterStore(container as MedusaContainer, settings)
      const locked = new Set<string>()
      for (let i = 0; i < candidates.length; i += 20) {
        const states = await Promise.all(
          candidates.slice(i, i + 20).map(async (c) => ({ c, state: await readSignInLock(store, settings.sign_in, c.email) }))
        )
        for (const { c, state } of states) {
          if (state.locked) {
            locked.add(c.customer_id)
          }
        }
      }
      return locked
    },
  }
}

async function run<T>(knex: Pick<Knex, "raw">, sql: string, params: unknown[]): Promise<T[]> {
  const statement = positional(sql, params)
  return (await knex.raw(statement.sql, statement.bindings)).rows as T[]
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`)

/** The WHERE clause of the filters (over `p` the profile and `c` the customer). */
async function whereOf(filters: CustomerGridFilters, ctx: Context, params: Params): Promise<string> {
  const where = ["p.deleted_at IS NULL"]
  if (filters.q) {
    const folded = params.add(`%${escapeLike(fold(filters.q))}%`)
    const raw = params.add(`%${escapeLike(filters.q)}%`)
    const id = params.add(filters.q)
    where.push(`(p.email LIKE ${folded} OR p.first_name_folded LIKE ${folded} OR p.last_name_folded LIKE ${folded}
      OR (coalesce(p.first_name_folded, '') || ' ' || coalesce(p.last_name_folded, '')) LIKE ${folded}
      OR c.phone LIKE ${raw} OR c.company_name ILIKE ${raw} OR p.customer_id = ${id})`)
  }
  if (filters.group_id) {
    where.push(`p.group_ids && ${params.add(filters.group_id)}::text[]`)
  }
  if (filters.tax_class_id) {
    const wanted = new Set(filters.tax_class_id)
    const groupIds = [...(await ctx.groups()).entries()].filter(([, g]) => g.tax_class && wanted.has(g.tax_class.id)).map(([id]) => id)
    where.push(`p.group_ids && ${params.add(groupIds)}::text[]`)
  }
  if (filters.segment_id) {
    where.push(`EXISTS (SELECT 1 FROM customer_segment_membership m
      WHERE m.customer_id = p.customer_id AND m.deleted_at IS NULL AND m.segment_id = ANY(${params.add(filters.segment_id)}::text[]))`)
  }
  if (filters.audience_id) {
    where.push(`p.audience_ids && ${params.add(filters.audience_id)}::text[]`)
  }
  if (filters.country) {
    where.push(`p.countries && ${params.add(filters.country.map(fold))}::text[]`)
  }
  if (filters.has_account !== undefined) {
    where.push(`c.has_account = ${params.add(filters.has_account)}`)
  }
  const range = (column: string, r: { gte?: unknown; lte?: unknown } | undefined, cast: string) => {
    if (r?.gte !== undefined) {
      where.push(`${column} >= ${params.add(r.gte)}::${cast}`)
    }
    if (r?.lte !== undefined) {
      where.push(`${column} <= ${params.add(r.lte)}::${cast}`)
    }
  }
  range(`coalesce(p.customer_added_at, ${NEG_INFINITY})`, filters.created_at, "timestamptz")
  range("p.orders_count", filters.orders_count, "numeric")
  if (filters.amount_spent) {
    range(`coalesce((p.spend -> ${params.add(filters.amount_spent.currency)}::text ->> 'amount')::numeric, 0)`, filters.amount_spent, "numeric")
  }
  range("p.last_order_at", filters.last_order_at, "timestamptz")
  range("p.last_activity_at", filters.last_activity_at, "timestamptz")
  if (filters.online !== undefined) {
    const since = params.add(onlineSince(ctx))
    where.push(filters.online ? `p.last_activity_at >= ${since}::timestamptz` : `(p.last_activity_at IS NULL OR p.last_activity_at < ${since}::timestamptz)`)
  }
  if (filters.locked !== undefined) {
    const locked = [...(await ctx.lockedAmong(null))]
    const ids = params.add(locked)
    where.push(filters.locked ? `p.customer_id = ANY(${ids}::text[])` : `NOT (p.customer_id = ANY(${ids}::text[]))`)
  }
  return where.join("\n  AND ")
}

const onlineSince = (ctx: Context) => new Date(ctx.now.getTime() - ctx.settings.presence.online_window_minutes * 60_000)

const FROM = `FROM customer_profile p JOIN customer c ON c.id = p.customer_id AND c.deleted_at IS NULL`

// ---------------------------------------------------------------------------
// Reads

type PageRow = {
  id: string
  email: string | null
  first_name: string | null
  last_name: string | null
  phone: string | null
  company_name: string | null
  has_account: boolean
  created_at: Date
  group_ids: string[] | null
  audience_ids: string[] | null
  countries: string[] | null
  orders_count: number | null
  spend: Record<string, { amount: number | string }> | null
  last_order_at: Date | null
  last_activity_at: Date | null
  sort_key: string
}

export type GridPageInput = {
  filters: CustomerGridFilters
  sort?: CustomerGridSort
  limit?: number
  cursor?: string | null
  /** Only these customers (the export of selected rows). */
  ids?: string[]
  /** Count the matches (the first page's; default: when there is no cursor). */
  count?: boolean
  /** Columns to fill in (default: all); the others are left empty. */
  columns?: readonly CustomerGridColumn[]
}

/** One page of the grid: rows, the next page's cursor, and (on the first page) how many match. */
export async function listGridPage(container: Scope, input: GridPageInput, now = new Date()): Promise<AdminCustomerGridResponse> {
  return pageOf(await gridContext(container, now), input)
}

/**
 * Every page of the grid in turn (the export): one context for all of them
 * (settings and group names read once), the next page read only when the
 * consumer asks for it.
 */
export async function* gridPages(container: Scope, input: Omit<GridPageInput, "cursor" | "count">, now = new Date()): AsyncGenerator<CustomerGridRow[]> {
  const ctx = await gridContext(container, now)
  let cursor: string | null = null
  do {
    const page = await pageOf(ctx, { ...input, cursor, count: false })
    yield page.customers
    cursor = page.next_cursor
  } while (cursor)
}

async function pageOf(ctx: Context, input: GridPageInput): Promise<AdminCustomerGridResponse> {
  const sort = input.sort ?? DEFAULT_GRID_SORT
  const limit = input.limit ?? DEFAULT_GRID_LIMIT
  const field = sort.replace(/^-/, "") as CustomerGridSortField
  const descending = sort.startsWith("-")
  const spec = SORTS[field]
  if (field === "amount_spent" && !input.filters.amount_spent?.currency) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "sort: amount_spent needs amount_spent[currency]")
  }
  const cursor = input.cursor ? decodeCursor(input.cursor, sort) : null

  const params = new Params()
  let where = await whereOf(input.filters, ctx, params)
  if (input.ids) {
    where += `\n  AND p.customer_id = ANY(${params.add(input.ids)}::text[])`
  }
  const filterValues = [...params.values]
  const key = spec.key(field === "amount_spent" ? `${params.add(input.filters.amount_spent!.currency)}::text` : "")
  let pageWhere = where
  if (cursor) {
    const cast = CAST[spec.kind]
    pageWhere += `\n  AND (${key}, ${ID}) ${descending ? "<" : ">"} (${params.add(cursor.k)}::${cast}, ${params.add(cursor.i)}::text)`
  }
  const direction = descending ? "DESC" : "ASC"
  const pageSql = `SELECT p.customer_id AS id, c.email, c.first_name, c.last_name, c.phone, c.company_name, c.has_account, c.created_at,
      p.group_ids, p.audience_ids, p.countries, p.orders_count, p.spend, p.last_order_at, p.last_activity_at,
      ${keyText(key, spec.kind)} AS sort_key
    ${FROM}
    WHERE ${pageWhere}
    ORDER BY ${key} ${direction}, ${ID} ${direction}
    LIMIT ${params.add(limit + 1)}`

  const wantCount = input.count ?? !cursor
  const [rows, counted] = await Promise.all([
    run<PageRow>(ctx.knex, pageSql, params.values),
    wantCount ? countWhere(ctx.knex, where, filterValues) : Promise.resolve(null),
  ])
  const page = rows.slice(0, limit)
  const last = page[page.length - 1]
  return {
    customers: await decorate(ctx, page, input.columns),
    next_cursor: rows.length > limit && last ? encodeCursor({ s: sort, k: last.sort_key, i: last.id }) : null,
    limit,
    count: counted?.count ?? null,
    count_is_estimate: counted?.estimate ?? false,
  }
}

/** Customers the filters match, in customer-id order ("C" collation), after `after`: a bulk action's batches. */
export async function gridCustomerIds(
  container: Scope,
  filters: CustomerGridFilters,
  options: { after: string | null; limit: number },
  now = new Date()
): Promise<string[]> {
  const ctx = await gridContext(container, now)
  const params = new Params()
  let where = await whereOf(filters, ctx, params)
  if (options.after !== null) {
    where += `\n  AND ${ID} > ${params.add(options.after)}::text`
  }
  const rows = await run<{ id: string }>(ctx.knex, `SELECT p.customer_id AS id ${FROM} WHERE ${where} ORDER BY ${ID} LIMIT ${params.add(options.limit)}`, params.values)
  return rows.map((r) => r.id)
}

/** How many customers the filters match: exact, or (`exact: false` and too many to count cheaply) the planner's estimate. */
export async function countGrid(
  container: Scope,
  filters: CustomerGridFilters,
  options: { exact: boolean },
  now = new Date()
): Promise<{ count: number; estimate: boolean }> {
  const ctx = await gridContext(container, now)
  const params = new Params()
  const where = await whereOf(filters, ctx, params)
  if (options.exact) {
    const [row] = await run<{ n: string }>(ctx.knex, `SELECT count(*) AS n ${FROM} WHERE ${where}`, params.values)
    return { count: Number(row.n), estimate: false }
  }
  return countWhere(ctx.knex, where, params.values)
}

/**
 * Exact when PostgreSQL counts within EXACT_COUNT_BUDGET_MS (statement_timeout
 * in a transaction of its own), else the planner's row estimate: a count never
 * holds the page up for seconds at a million customers.
 */
async function countWhere(knex: Knex, where: string, values: unknown[]): Promise<{ count: number; estimate: boolean }> {
  const sql = `SELECT count(*) AS n ${FROM} WHERE ${where}`
  try {
    const n = await knex.transaction(async (trx) => {
      await trx.raw(`SET LOCAL statement_timeout = ${EXACT_COUNT_BUDGET_MS}`, [])
      const [row] = await run<{ n: string }>(trx, sql, values)
      return Number(row.n)
    })
    return { count: n, estimate: false }
  } catch (error) {
    if ((error as { code?: string }).code !== "57014") {
      throw error
    }
  }
  const [plan] = await run<{ "QUERY PLAN": [{ Plan: { "Plan Rows": number; Plans?: { "Plan Rows": number }[] } }] }>(
    knex,
    `EXPLAIN (FORMAT JSON) SELECT 1 ${FROM} WHERE ${where}`,
    values
  )
  const estimated = plan["QUERY PLAN"][0].Plan["Plan Rows"]
  return { count: Math.max(Math.round(estimated), 1), estimate: true }
}

/** The page's rows with names of groups, segments, audiences and tax classes, and the lock and presence state. */
async function decorate(ctx: Context, page: PageRow[], columns?: readonly CustomerGridColumn[]): Promise<CustomerGridRow[]> {
  if (!page.length) {
    return []
  }
  const want = (c: CustomerGridColumn) => !columns || columns.includes(c)
  const ids = page.map((r) => r.id)
  const audienceIds = [...new Set(page.flatMap((r) => r.audience_ids ?? []))]
  const [groups, segments, audiences, locked] = await Promise.all([
    want("groups") || want("tax_classes") ? ctx.groups() : Promise.resolve(new Map()),
    want("segments")
      ? run<{ customer_id: string; id: string; name: string }>(
          ctx.knex,
          `SELECT m.customer_id, s.id, s.name FROM customer_segment_membership m
             JOIN customer_segment s ON s.id = m.segment_id AND s.deleted_at IS NULL
            WHERE m.deleted_at IS NULL AND m.customer_id = ANY($1::text[])
            ORDER BY m.customer_id, s.name COLLATE "C", s.id COLLATE "C"`,
          [ids]
        )
      : Promise.resolve([]),
    want("audiences") && audienceIds.length
      ? run<{ id: string; name: string }>(ctx.knex, `SELECT id, name FROM audience WHERE deleted_at IS NULL AND id = ANY($1::text[])`, [audienceIds])
      : Promise.resolve([]),
    want("locked") ? ctx.lockedAmong(ids) : Promise.resolve(new Set<string>()),
  ])
  const segmentsOf = new Map<string, { id: string; name: string }[]>()
  for (const s of segments) {
    segmentsOf.set(s.customer_id, [...(segmentsOf.get(s.customer_id) ?? []), { id: s.id, name: s.name }])
  }
  const audienceName = new Map(audiences.map((a) => [a.id, a.name]))
  const since = onlineSince(ctx)
  const byName = (a: { name: string; id: string }, b: { name: string; id: string }) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0
  return page.map((r) => {
    const groupIds = [...(r.group_ids ?? [])]
    const rowGroups = groupIds.filter((id) => groups.has(id)).map((id) => ({ id, name: groups.get(id)!.name })).sort(byName)
    const taxClasses = new Map<string, { id: string; name: string }>()
    for (const id of groupIds) {
      const tc = groups.get(id)?.tax_class
      if (tc) {
        taxClasses.set(tc.id, tc)
      }
    }
    return {
      id: r.id,
      email: r.email,
      first_name: r.first_name,
      last_name: r.last_name,
      phone: r.phone,
      company_name: r.company_name,
      has_account: Boolean(r.has_account),
      created_at: new Date(r.created_at).toISOString(),
      groups: want("groups") ? rowGroups : [],
      segments: segmentsOf.get(r.id) ?? [],
      audiences: (r.audience_ids ?? []).filter((id) => audienceName.has(id)).map((id) => ({ id, name: audienceName.get(id)! })).sort(byName),
      countries: [...(r.countries ?? [])].map((c) => c.toUpperCase()).sort(),
      orders_count: Number(r.orders_count ?? 0),
      amount_spent: Object.fromEntries(
        Object.entries(r.spend ?? {})
          .map(([currency, s]) => [currency, Number(s?.amount ?? 0)] as const)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      ),
      last_order_at: r.last_order_at ? new Date(r.last_order_at).toISOString() : null,
      last_activity_at: r.last_activity_at ? new Date(r.last_activity_at).toISOString() : null,
      online: r.last_activity_at !== null && new Date(r.last_activity_at) >= since,
      locked: locked.has(r.id),
      tax_classes: want("tax_classes") ? [...taxClasses.values()].sort(byName) : [],
    }
  })
}

/** The rows of these customers (in the given order; unknown ids left out). */
export async function gridRows(container: Scope, ids: string[], now = new Date()): Promise<CustomerGridRow[]> {
  if (!ids.length) {
    return []
  }
  const page = await listGridPage(container, { filters: {}, ids, limit: ids.length, count: false, sort: "created_at" }, now)
  const byId = new Map(page.customers.map((c) => [c.id, c]))
  return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []))
}
