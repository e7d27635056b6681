import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import { MedusaError } from "@medusajs/framework/utils"
import { exec, newRowId, rows } from "./execute"
import { deleteProfilesInRange, lockCustomersFacts, upsertProfiles, type ProfileInput } from "./facts"

/**
 * The backfill's batch, set-based (docs/decisions/0042): a batch of customers
 * is read from Medusa's own tables (customer, customer_address,
 * customer_group_customer, order with its stored order_summary totals,
 * order_item, order_line_item, product, cart) in a few statements, and its
 * orders and purchases are written by INSERT … SELECT without leaving the
 * database. Only the profiles go through Node: their text is folded there
 * (rules/fold.ts), the same on every database.
 *
 * What counts is what the real-time path (utils/load-customer-facts.ts) reads
 * through Query: orders not draft, not canceled, not deleted; an order's total
 * is its current total as the order module stores it (order_summary of the
 * order's version: current_order_total, which follows edits); its items are
 * those of the order's version.
 */

/** Orders that count, of the customers in $1 (text[]). */
/** An order's stored current total (the precise raw value when the summary has one). */
const ORDER_TOTAL = `COALESCE((
    SELECT COALESCE((s.totals -> 'raw_current_order_total' ->> 'value')::numeric, (s.totals ->> 'current_order_total')::numeric)
    FROM order_summary s
    WHERE s.order_id = o.id AND s.version = o.version AND s.deleted_at IS NULL
    ORDER BY s.created_at DESC
    LIMIT 1
  ), 0)`

/** Orders that count, of the customers in $1 (text[]), with their totals. */
const COUNTED_ORDERS = `SELECT o.id, o.customer_id, lower(o.currency_code COLLATE "C") AS currency_code, o.created_at, o.version,
    ${ORDER_TOTAL} AS total
  FROM "order" o
  WHERE o.customer_id = ANY($1::text[]) AND o.deleted_at IS NULL AND o.status::text NOT IN ('draft', 'canceled')`

/** How many open carts a profile keeps (the latest), as the real-time path does. */
const OPEN_CARTS_KEPT = 20

/** Customer ids after `after` (the database's collation, as its primary key index orders them), at most `limit`. */
export async function nextCustomerIds(em: SqlEntityManager, after: string | null, limit: number): Promise<string[]> {
  const found = await rows<{ id: string }>(
    em,
    `SELECT id FROM customer WHERE deleted_at IS NULL AND ($1::text IS NULL OR id > $1::text) ORDER BY id LIMIT $2::int`,
    [after, limit]
  )
  return found.map((r) => r.id)
}

/** Customers in the store: the planner's estimate for a big table, else counted. */
export async function estimateCustomers(em: SqlEntityManager): Promise<number> {
  const [row] = await rows<{ estimate: string }>(
    em,
    `SELECT CASE WHEN c.reltuples >= 200000 THEN c.reltuples::bigint
                 ELSE (SELECT count(*) FROM customer WHERE deleted_at IS NULL) END AS estimate
     FROM pg_class c WHERE c.oid = 'customer'::regclass`
  )
  return Number(row?.estimate ?? 0)
}

type BaseRow = {
  customer_id: string
  email: string | null
  first_name: string | null
  last_name: string | null
  has_account: boolean
  created_at: Date
  metadata: Record<string, unknown> | null
  source_ids: string[] | null
  group_ids: string[] | null
  countries: (string | null)[] | null
  provinces: (string | null)[] | null
  cities: (string | null)[] | null
  open_carts: (Date | string)[] | null
  orders_count: number
  spend: Record<string, { amount: number; orders: number }> | null
  first_order_at: Date | null
  last_order_at: Date | null
}

export type BackfillBatchInput = {
  /** The batch's customer ids, ascending (nextCustomerIds). */
  customerIds: string[]
  /**
   * Profiles in (after, upto] that are not in the batch are removed (their
   * customers were deleted). upto null: the last batch, to the end.
   */
  after: string | null
  upto: string | null
  /** Audiences of the batch's customers (personalization module). */
  audiences: Map<string, string[]>
  /** Latest store request of the batch's customers (customer_activity module). */
  lastSeen: Map<string, Date>
}

export type BackfillBatchResult = { customers: number; orders: number; purchases: number }

const present = (values: (string | null)[] | null) => (values ?? []).filter((v): v is string => Boolean(v && v.trim()))
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/**
 * Rebuilds the facts of one batch of customers, in the caller's transaction,
 * under the facts locks (real-time writers wait for the batch, and it for them).
 */
export async function backfillBatch(em: SqlEntityManager, input: BackfillBatchInput): Promise<BackfillBatchResult> {
  if (!em.getTransactionContext()) {
    throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, "backfillBatch runs in a transaction")
  }
  const ids = input.customerIds
  // Short statements over a few thousand rows: JIT compilation (hundreds of ms each, chosen on cost estimates
  // that a projection without statistics inflates) costs more than it saves.
  await exec(em, "SET LOCAL jit = off")
  // Every statement of a batch finds its rows from the batch's ids through an index. With a few thousand ids the
  // planner's estimates (about 5% of a growing table) tip it to whole-table scans, and each batch then reads
  // everything written before it (measured: a DELETE scanning 1.8M purchase rows, 1.3 s, at a quarter of a 1M run).
  await exec(em, "SET LOCAL enable_seqscan = off")
  await lockCustomersFacts(em, ids)
  if (ids.length === 0) {
    await deleteProfilesInRange(em, input.after, input.upto, [])
    return { customers: 0, orders: 0, purchases: 0 }
  }
  // What is stored for them (or for their orders, under a previous owner) goes first.
  // Two statements each, so each is one index scan (an OR with a sub-select would scan the whole table).
  for (const table of ["customer_purchase", "customer_order"]) {
    await exec(em, `DELETE FROM ${table} WHERE deleted_at IS NULL AND customer_id = ANY($1::text[])`, [ids])
    await exec(
      em,
      // = ANY(ARRAY(…)): the batch's order ids computed once, then looked up in the order_id index (an IN
      // (SELECT …) is planned as a join that reads the whole table).
      `DELETE FROM ${table} WHERE deleted_at IS NULL
         AND order_id = ANY(ARRAY(SELECT o.id FROM "order" o WHERE o.customer_id = ANY($1::text[]) AND o.deleted_at IS NULL))`,
      [ids]
    )
  }

  const [written] = await rows<{ orders: number; purchases: number }>(
    em,
    `WITH counted AS MATERIALIZED (${COUNTED_ORDERS}),
     written_orders AS (
       INSERT INTO customer_order (id, customer_id, order_id, currency_code, total, raw_total, placed_at, created_at, updated_at)
       SELECT ${newRowId("cord")}, customer_id, id, currency_code, total,
              jsonb_build_object('value', total::text, 'precision', 20), created_at, now(), now()
       FROM counted
       RETURNING 1
     ),
     lines AS MATERIALIZED (
       SELECT c.id AS order_id, c.customer_id, c.created_at, li.product_id, oi.quantity
       FROM counted c
       JOIN order_item oi ON oi.order_id = c.id AND oi.version = c.version AND oi.deleted_at IS NULL
       JOIN order_line_item li ON li.id = oi.item_id AND li.deleted_at IS NULL
       WHERE li.product_id IS NOT NULL
     ),
     products AS (
       SELECT p.id, p.collection_id, p.type_id,
              COALESCE((SELECT array_agg(pcp.product_category_id ORDER BY pcp.product_category_id COLLATE "C")
                        FROM product_category_product pcp WHERE pcp.product_id = p.id), '{}') AS category_ids
       FROM product p
       WHERE p.id IN (SELECT DISTINCT product_id FROM lines)
     ),
     written_purchases AS (
       INSERT INTO customer_purchase (id, customer_id, order_id, product_id, collection_id, category_ids, type_id, quantity, purchased_at, created_at, updated_at)
       SELECT ${newRowId("cpur")}, l.customer_id, l.order_id, l.product_id,
              p.collection_id, COALESCE(p.category_ids, '{}'), p.type_id, round(sum(l.quantity))::int, l.created_at, now(), now()
       FROM lines l LEFT JOIN products p ON p.id = l.product_id
       GROUP BY l.customer_id, l.order_id, l.product_id, p.collection_id, p.category_ids, p.type_id, l.created_at
       RETURNING 1
     )
     SELECT (SELECT count(*) FROM written_orders)::int AS orders, (SELECT count(*) FROM written_purchases)::int AS purchases`,
    [ids]
  )

  // The profiles, a slice of the batch at a time: what Node holds for them (rows read, profiles, the statement's
  // JSON) stays a few megabytes and dies young, instead of ~25 MB a batch promoted to the old generation and
  // collected only at the next full collection (the server's RSS climbed by ~550 MB between collections).
  const kept: string[] = []
  for (let from = 0; from < ids.length; from += PROFILE_SLICE) {
    kept.push(...(await writeProfiles(em, ids.slice(from, from + PROFILE_SLICE), input)))
  }
  // The range's customers that no longer exist.
  await deleteProfilesInRange(em, input.after, input.upto, kept)
  return { customers: kept.length, orders: written?.orders ?? 0, purchases: written?.purchases ?? 0 }
}

/** Customers whose profiles are read and written at once (backfillBatch). */
const PROFILE_SLICE = 1000

/** Writes the profiles of `ids` (a slice of a batch); answers the customers that have one (the others were deleted). */
async function writeProfiles(
  em: SqlEntityManager,
  ids: string[],
  input: Pick<BackfillBatchInput, "audiences" | "lastSeen">
): Promise<string[]> {
  // One row per customer: every part aggregated per customer first, then joined (hash joins, no per-row sub-selects).
  const base = await rows<BaseRow>(
    em,
    `WITH spend AS (
       SELECT customer_id, currency_code, sum(total) AS amount, count(*)::int AS orders, min(placed_at) AS first_at, max(placed_at) AS last_at
       FROM customer_order
       WHERE customer_id = ANY($1::text[]) AND deleted_at IS NULL
       GROUP BY customer_id, currency_code
     ),
     orders AS (
       SELECT customer_id, sum(orders)::int AS orders_count,
              jsonb_object_agg(currency_code, jsonb_build_object('amount', amount::float8, 'orders', orders)) AS spend,
              min(first_at) AS first_order_at, max(last_at) AS last_order_at
       FROM spend GROUP BY customer_id
     ),
     carts AS (
       SELECT ca.customer_id, GREATEST(ca.updated_at, max(li.updated_at)) AS last_at,
              row_number() OVER (PARTITION BY ca.customer_id ORDER BY GREATEST(ca.updated_at, max(li.updated_at)) DESC) AS latest
       FROM cart ca JOIN cart_line_item li ON li.cart_id = ca.id AND li.deleted_at IS NULL
       WHERE ca.customer_id = ANY($1::text[]) AND ca.completed_at IS NULL AND ca.deleted_at IS NULL
       GROUP BY ca.id, ca.customer_id, ca.updated_at
     ),
     open_carts AS (
       SELECT customer_id, array_agg(last_at) AS open_carts FROM carts WHERE latest <= ${OPEN_CARTS_KEPT} GROUP BY customer_id
     ),
     addresses AS (
       SELECT customer_id, array_agg(id) AS ids, array_agg(country_code) AS countries, array_agg(province) AS provinces, array_agg(city) AS cities
       FROM customer_address
       WHERE customer_id = ANY($1::text[]) AND deleted_at IS NULL
       GROUP BY customer_id
     ),
     memberships AS (
       SELECT l.customer_id, array_agg(l.id) AS ids, array_agg(DISTINCT l.customer_group_id) FILTER (WHERE g.id IS NOT NULL) AS group_ids
       FROM customer_group_customer l
       LEFT JOIN customer_group g ON g.id = l.customer_group_id AND g.deleted_at IS NULL
       WHERE l.customer_id = ANY($1::text[]) AND l.deleted_at IS NULL
       GROUP BY l.customer_id
     )
     SELECT c.id AS customer_id, c.email, c.first_name, c.last_name, c.has_account, c.created_at, c.metadata,
       a.ids || m.ids AS source_ids, m.group_ids, a.countries, a.provinces, a.cities, oc.open_carts,
       COALESCE(o.orders_count, 0) AS orders_count, o.spend, o.first_order_at, o.last_order_at
     FROM customer c
     LEFT JOIN addresses a ON a.customer_id = c.id
     LEFT JOIN memberships m ON m.customer_id = c.id
     LEFT JOIN orders o ON o.customer_id = c.id
     LEFT JOIN open_carts oc ON oc.customer_id = c.id
     WHERE c.id = ANY($1::text[]) AND c.deleted_at IS NULL`,
    [ids]
  )

  const profiles: ProfileInput[] = base.map((c) => ({
    customer_id: c.customer_id,
    email: c.email ?? null,
    first_name: c.first_name || null,
    last_name: c.last_name || null,
    has_account: c.has_account,
    customer_added_at: new Date(c.created_at).toISOString(),
    group_ids: [...(c.group_ids ?? [])].sort(byCodeUnits),
    source_ids: [...(c.source_ids ?? [])].sort(byCodeUnits),
    countries: present(c.countries),
    provinces: present(c.provinces),
    cities: present(c.cities),
    orders_count: c.orders_count,
    spend: c.spend ?? {},
    first_order_at: c.first_order_at ? new Date(c.first_order_at).toISOString() : null,
    last_order_at: c.last_order_at ? new Date(c.last_order_at).toISOString() : null,
    metadata: c.metadata ?? null,
    open_carts: (c.open_carts ?? []).map((d) => new Date(d).toISOString()),
    audience_ids: input.audiences.get(c.customer_id) ?? [],
    last_activity_at: input.lastSeen.get(c.customer_id)?.toISOString() ?? null,
  }))
  const kept = profiles.map((p) => p.customer_id)
  // Customers of the slice deleted meanwhile.
  await exec(
    em,
    `DELETE FROM customer_profile WHERE deleted_at IS NULL AND customer_id = ANY($1::text[]) AND NOT (customer_id = ANY($2::text[]))`,
    [ids, kept]
  )
  await upsertProfiles(em, profiles)
  return kept

}
