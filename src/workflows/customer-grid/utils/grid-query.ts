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
/** Above this planner estimate the count is not tried (at a million rows it never fits the budget). */
export const EXACT_COUNT_MAX_ESTIMATE = 50_000
/** Locked accounts checked for the `locked` filter at most (locks in the security log within the lockout). */
const MAX_LOCK_CANDIDATES = 5_000

type SortKind = "date" | "number" | "text"
type SortSpec = { key: (currencyParam: string) => string; kind: SortKind; cast: string }

const NEG_INFINITY = `'-infinity'::timestamptz`
const SORTS: Record<CustomerGridSortField, SortSpec> = {
  created_at: { key: () => `coalesce(p.customer_added_at, ${NEG_INFINITY})`, kind: "date", cast: "timestamptz" },
  email: { key: () => `(coalesce(p.email, '') collate "C")`, kind: "text", cast: "text" },
  last_name: { key: () => `(coalesce(p.last_name_folded, '') collate "C")`, kind: "text", cast: "text" },
  // integer, compared with integers: a numeric cast would hide the index.
  orders_count: { key: () => `p.orders_count`, kind: "number", cast: "int" },
  // The currency is written into the statement (checked: three letters a–z), so that the key is the
  // expression of the currency's index (ensureGridSpendIndexes); a bound parameter would hide it.
  amount_spent: { key: (currency) => spendKey(currency), kind: "number", cast: "numeric" },
  last_order_at: { key: () => `coalesce(p.last_order_at, ${NEG_INFINITY})`, kind: "date", cast: "timestamptz" },
  last_activity_at: { key: () => `coalesce(p.last_activity_at, ${NEG_INFINITY})`, kind: "date", cast: "timestamptz" },
}
/** The amount spent in one currency, as sorted and indexed: the currency a literal of three letters a–z. */
export function spendKey(currency: string): string {
  if (!/^[a-z]{3}$/.test(currency)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "amount_spent[currency]: must be an ISO 4217 code (eur, usd)")
  }
  return `coalesce((p.spend -> '${currency}' ->> 'amount')::numeric, 0)`
}

/** What a cursor's key may be, per kind (anything else is a made-up cursor: a 400, never a failed cast). */
const KEY_SHAPE: Record<SortKind, RegExp> = {
  date: /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z|-infinity)$/,
  number: /^-?\d{1,30}(\.\d{1,30})?$/,
  text: /^[\s\S]*$/,
}
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

function decodeCursor(text: string, sort: CustomerGridSort, kind: SortKind): Cursor {
  const invalid = () => new MedusaError(MedusaError.Types.INVALID_DATA, "cursor: not one this grid gave (or it was given for another sort)")
  let cursor: unknown
  try {
    cursor = JSON.parse(Buffer.from(text, "base64url").toString("utf8"))
  } catch {
    throw invalid()
  }
  const c = cursor as Partial<Cursor> | null
  if (!c || typeof c !== "object" || c.s !== sort || typeof c.k !== "string" || typeof c.i !== "string" || c.k.length > 500 || c.i.length > 200 || !KEY_SHAPE[kind].test(c.k)) {
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
  let everyLocked: Promise<Set<string>> | undefined
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
      if (!customerIds) {
        return (everyLocked ??= lockedAmong(null))
      }
      return lockedAmong(customerIds)
    },
  }

  async function lockedAmong(customerIds: string[] | null): Promise<Set<string>> {
      const since = new Date(now.getTime() - settings.sign_in.lockout_minutes * 60_000)
      const params = new Params()
      const candidates = (await run<{ customer_id: string; email: string }>(
        knex,
        `SELECT customer_id, email FROM customer_security_event
          WHERE deleted_at IS NULL AND kind = 'account_locked' AND occurred_at >= ${params.add(since)}
            AND customer_id IS NOT NULL AND email IS NOT NULL
            ${customerIds ? `AND customer_id = ANY(${params.add(customerIds)}::text[])` : ""}
          GROUP BY customer_id, email
          ORDER BY max(occurred_at) DESC, customer_id COLLATE "C", email COLLATE "C" LIMIT ${MAX_LOCK_CANDIDATES + 1}`,
        params.values
      ))
      if (candidates.length > MAX_LOCK_CANDIDATES) {
        candidates.length = MAX_LOCK_CANDIDATES
        container
          .resolve(ContainerRegistrationKeys.LOGGER)
          .warn(`customer-suite: the grid's locked filter checked the ${MAX_LOCK_CANDIDATES} newest locks only (more accounts were locked within the lockout)`)
      }
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
  }
}

async function run<T>(knex: Pick<Knex, "raw">, sql: string, params: unknown[]): Promise<T[]> {
  const statement = positional(sql, params)
  return (await knex.raw(statement.sql, statement.bindings)).rows as T[]
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`)

/**
 * The WHERE clause of the filters, over the projection `p` alone (so that the
 * sort's index can lead, and Medusa's customer table is read for the page's
 * rows only). Search: a prefix of the folded email, first name, last name or
 * full name (indexed), the email's domain, the id, or text contained in the
 * phone or company name (Medusa's customer table).
 */
async function whereOf(filters: CustomerGridFilters, ctx: Context, params: Params): Promise<string> {
  const where = ["p.deleted_at IS NULL"]
  if (filters.q) {
    const folded = fold(filters.q)
    const prefix = params.add(`${escapeLike(folded)}%`)
    const contains = params.add(`%${escapeLike(filters.q)}%`)
    const exact = params.add(filters.q)
    const domain = params.add(folded.replace(/^@/, ""))
    // A union of index lookups (each arm its own index), not one OR that would scan every profile.
    where.push(`p.customer_id IN (
        SELECT s.customer_id FROM customer_profile s WHERE s.deleted_at IS NULL AND s.email LIKE ${prefix}
        UNION SELECT s.customer_id FROM customer_profile s WHERE s.deleted_at IS NULL AND s.first_name_folded LIKE ${prefix}
        UNION SELECT s.customer_id FROM customer_profile s WHERE s.deleted_at IS NULL AND s.last_name_folded LIKE ${prefix}
        UNION SELECT s.customer_id FROM customer_profile s
          WHERE s.deleted_at IS NULL AND (coalesce(s.first_name_folded, '') || ' ' || coalesce(s.last_name_folded, '')) LIKE ${prefix}
        UNION SELECT s.customer_id FROM customer_profile s WHERE s.deleted_at IS NULL AND s.email_domain = ${domain}
        UNION SELECT ${exact}::text
        UNION SELECT c.id FROM customer c WHERE c.deleted_at IS NULL AND (c.phone LIKE ${contains} OR c.company_name ILIKE ${contains}))`)
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
    where.push(`p.has_account = ${params.add(filters.has_account)}`)
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
  range("p.orders_count", filters.orders_count, "int")
  if (filters.amount_spent) {
    range(spendKey(filters.amount_spent.currency), filters.amount_spent, "numeric")
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

/** A page statement's time limit: a filter no index serves answers a clear error instead of holding a connection. */
export const PAGE_BUDGET_MS = 10_000

/** Runs a read with a statement timeout (its own transaction); a timeout becomes a 400 asking for narrower filters. */
async function bounded<T>(knex: Knex, ms: number, read: (trx: Knex) => Promise<T>): Promise<T> {
  try {
    return await knex.transaction(async (trx) => {
      await trx.raw(`SET LOCAL statement_timeout = ${Math.round(ms)}`, [])
      return read(trx)
    })
  } catch (error) {
    if ((error as { code?: string }).code === "57014") {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `filters: the grid took longer than ${ms / 1000} s to answer; narrow the filters or the search`)
    }
    throw error
  }
}

// ---------------------------------------------------------------------------
// Reads

type PageRow = {
  id: string
  /** Null: the customer was deleted and the projection has not caught up (the row is left out). */
  customer_row: string | null
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
 * (settings, group names and locks read once), and the next page read while
 * the consumer takes the current one (one page ahead, never more).
 */
export async function* gridPages(container: Scope, input: Omit<GridPageInput, "cursor" | "count">, now = new Date()): AsyncGenerator<CustomerGridRow[]> {
  const ctx = await gridContext(container, now)
  let next: Promise<AdminCustomerGridResponse> | null = pageOf(ctx, { ...input, cursor: null, count: false }, true)
  while (next) {
    const page: AdminCustomerGridResponse = await next
    next = page.next_cursor ? pageOf(ctx, { ...input, cursor: page.next_cursor, count: false }, true) : null
    // A failed read ahead is reported when it is awaited, not as an unhandled rejection meanwhile.
    next?.catch(() => undefined)
    yield page.customers
  }
}

async function pageOf(ctx: Context, input: GridPageInput, everyLock = false): Promise<AdminCustomerGridResponse> {
  const sort = input.sort ?? DEFAULT_GRID_SORT
  const limit = input.limit ?? DEFAULT_GRID_LIMIT
  const field = sort.replace(/^-/, "") as CustomerGridSortField
  const descending = sort.startsWith("-")
  const spec = SORTS[field]
  if (field === "amount_spent" && !input.filters.amount_spent?.currency) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "sort: amount_spent needs amount_spent[currency]")
  }
  const cursor = input.cursor ? decodeCursor(input.cursor, sort, spec.kind) : null

  const params = new Params()
  let where = await whereOf(input.filters, ctx, params)
  if (input.ids) {
    where += `\n  AND p.customer_id = ANY(${params.add(input.ids)}::text[])`
  }
  const filterValues = [...params.values]
  const key = spec.key(field === "amount_spent" ? input.filters.amount_spent!.currency : "")
  let pageWhere = where
  if (cursor) {
    pageWhere += `\n  AND (${key}, ${ID}) ${descending ? "<" : ">"} (${params.add(cursor.k)}::${spec.cast}, ${params.add(cursor.i)}::text)`
  }
  const direction = descending ? "DESC" : "ASC"
  // The page is chosen on the projection alone; Medusa's customer row is joined to those rows only.
  const pageSql = `SELECT p.customer_id AS id, c.id AS customer_row, c.email, c.first_name, c.last_name, c.phone, c.company_name,
      p.has_account, coalesce(p.customer_added_at, c.created_at) AS created_at,
      p.group_ids, p.audience_ids, p.countries, p.orders_count, p.spend, p.last_order_at, p.last_activity_at, p.sort_key
    FROM (
      SELECT p.*, ${keyText(key, spec.kind)} AS sort_key
      FROM customer_profile p
      WHERE ${pageWhere}
      ORDER BY ${key} ${direction}, ${ID} ${direction}
      LIMIT ${params.add(limit + 1)}
    ) p
    LEFT JOIN customer c ON c.id = p.customer_id AND c.deleted_at IS NULL
    ORDER BY ${key} ${direction}, ${ID} ${direction}`

  const wantCount = input.count ?? !cursor
  const [rows, counted] = await Promise.all([
    bounded(ctx.knex, PAGE_BUDGET_MS, (trx) => run<PageRow>(trx, pageSql, params.values)),
    wantCount ? countWhere(ctx.knex, where, filterValues) : Promise.resolve(null),
  ])
  const page = rows.slice(0, limit)
  const last = page[page.length - 1]
  const locked = everyLock && (!input.columns || input.columns.includes("locked")) ? await ctx.lockedAmong(null) : null
  return {
    customers: await decorate(
      ctx,
      page.filter((r) => r.customer_row !== null),
      input.columns,
      locked
    ),
    next_cursor: rows.length > limit && last ? encodeCursor({ s: sort, k: last.sort_key, i: last.id }) : null,
    limit,
    count: counted?.count ?? null,
    count_is_estimate: counted?.estimate ?? false,
  }
}

/**
 * Customers the filters match, in customer-id order ("C" collation), after
 * `after`: a bulk action's batches. `createdBefore` leaves out customers
 * created after it (a bulk action acts on the customers there were when it
 * was asked for, not on sign-ups during its run).
 */
export async function gridCustomerIds(
  container: Scope,
  filters: CustomerGridFilters,
  options: { after: string | null; limit: number; createdBefore?: Date },
  now = new Date()
): Promise<string[]> {
  const ctx = await gridContext(container, now)
  const params = new Params()
  let where = await whereOf(filters, ctx, params)
  if (options.after !== null) {
    where += `\n  AND ${ID} > ${params.add(options.after)}::text`
  }
  if (options.createdBefore) {
    where += `\n  AND coalesce(p.customer_added_at, ${NEG_INFINITY}) <= ${params.add(options.createdBefore)}::timestamptz`
  }
  const rows = await run<{ id: string }>(
    ctx.knex,
    `SELECT p.customer_id AS id FROM customer_profile p WHERE ${where} ORDER BY ${ID} LIMIT ${params.add(options.limit)}`,
    params.values
  )
  return rows.map((r) => r.id)
}

/** How many customers the filters match: exact, or (`exact: false` and too many to count cheaply) the planner's estimate. */
export async function countGrid(
  container: Scope,
  filters: CustomerGridFilters,
  options: { exact: boolean; createdBefore?: Date },
  now = new Date()
): Promise<{ count: number; estimate: boolean }> {
  const ctx = await gridContext(container, now)
  const params = new Params()
  let where = await whereOf(filters, ctx, params)
  if (options.createdBefore) {
    where += `\n  AND coalesce(p.customer_added_at, ${NEG_INFINITY}) <= ${params.add(options.createdBefore)}::timestamptz`
  }
  if (options.exact) {
    const [row] = await run<{ n: string }>(ctx.knex, `SELECT count(*) AS n FROM customer_profile p WHERE ${where}`, params.values)
    return { count: Number(row.n), estimate: false }
  }
  return countWhere(ctx.knex, where, params.values)
}

/**
 * The planner's estimate first; when it is at most EXACT_COUNT_MAX_ESTIMATE,
 * an exact count if PostgreSQL finishes it within EXACT_COUNT_BUDGET_MS
 * (statement_timeout in a transaction of its own), else the estimate: a count
 * never holds the page up for seconds at a million customers.
 */
async function countWhere(knex: Knex, where: string, values: unknown[]): Promise<{ count: number; estimate: boolean }> {
  const sql = `SELECT count(*) AS n FROM customer_profile p WHERE ${where}`
  const [plan] = await run<{ "QUERY PLAN": [{ Plan: { "Plan Rows": number } }] }>(knex, `EXPLAIN (FORMAT JSON) SELECT 1 FROM customer_profile p WHERE ${where}`, values)
  const estimated = Math.max(Math.round(plan["QUERY PLAN"][0].Plan["Plan Rows"]), 1)
  // Far beyond what counts within the budget: the estimate at once (no counting for nothing).
  if (estimated > EXACT_COUNT_MAX_ESTIMATE) {
    return { count: estimated, estimate: true }
  }
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
  return { count: estimated, estimate: true }
}

async function decorate(ctx: Context, page: PageRow[], columns: readonly CustomerGridColumn[] | undefined, everyLocked: Set<string> | null): Promise<CustomerGridRow[]> {
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
    want("locked") ? (everyLocked ?? ctx.lockedAmong(ids)) : Promise.resolve(new Set<string>()),
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

/**
 * One index per store currency on the amount spent in it, keyed exactly as the
 * grid sorts (spendKey, then the customer id): created CONCURRENTLY (writes go
 * on) when missing, by the ensure-grid-spend-indexes job. Returns the indexes
 * it created.
 */
export async function ensureGridSpendIndexes(container: Scope): Promise<string[]> {
  const knex = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const currencies = await run<{ code: string }>(
    knex,
    `SELECT DISTINCT lower(currency_code) AS code FROM (
       SELECT currency_code FROM store_currency WHERE deleted_at IS NULL
       UNION SELECT currency_code FROM region WHERE deleted_at IS NULL) x
     WHERE lower(currency_code) ~ '^[a-z]{3}$' ORDER BY 1`,
    []
  )
  const indexes = await run<{ name: string; valid: boolean }>(
    knex,
    `SELECT ci.relname AS name, i.indisvalid AS valid FROM pg_index i
       JOIN pg_class ci ON ci.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid
      WHERE t.relname = 'customer_profile' AND ci.relname LIKE 'IDX\\_cprof\\_grid\\_spend\\_%'`,
    []
  )
  const existing = new Set(indexes.filter((i) => i.valid).map((i) => i.name))
  const invalid = new Set(indexes.filter((i) => !i.valid).map((i) => i.name))
  const created: string[] = []
  for (const { code } of currencies) {
    const name = `IDX_cprof_grid_spend_${code}`
    if (existing.has(name)) {
      continue
    }
    if (invalid.has(name)) {
      // A build that failed half-way leaves an invalid index of that name: drop it and build again.
      await knex.raw(`DROP INDEX CONCURRENTLY IF EXISTS "${name}"`, [])
    }
    const key = spendKey(code).replace("p.spend", "spend")
    await knex.raw(`CREATE INDEX CONCURRENTLY IF NOT EXISTS "${name}" ON customer_profile ((${key}), (customer_id collate "C")) WHERE deleted_at IS NULL`, [])
    created.push(name)
  }
  return created
}
