/**
 * The rules the segment benchmark measures, tuned to the data generate.mjs
 * makes (ids pcol_bench_*, cusgroup_bench_*, example.com, ...).
 *
 * `hand` is the same rule written by hand as the WHERE clause of one SQL
 * statement over customer_profile p (what a person would write for this data:
 * plain comparisons, a grouped semi-join for purchases), with $-placeholders
 * for `params`. It is the lower bound the engine's refresh is compared with.
 */

export type BenchRule = {
  key: string
  name: string
  query: string
  hand: string
  /** Values for $2.. of `hand` ($1 is the segment id). */
  params: (now: Date) => unknown[]
}

const DAY = 24 * 60 * 60 * 1000
/** The start of the UTC day `days` before now (how the engine resolves "-Nd"). */
const daysAgo = (now: Date, days: number) =>
  new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - days * DAY)

export const REPRESENTATIVE_RULES: BenchRule[] = [
  {
    key: "vip",
    name: "VIP spenders",
    query: "amount_spent >= 500 EUR AND number_of_orders >= 3",
    hand: `(p.spend -> 'eur' ->> 'amount')::float8 >= 500 AND p.orders_count >= 3`,
    params: () => [],
  },
  {
    key: "lapsed",
    name: "Lapsed buyers",
    query: "last_order_date < -180d AND number_of_orders >= 1",
    hand: `p.last_order_at < $2 AND p.orders_count >= 1`,
    params: (now) => [daysAgo(now, 180)],
  },
  {
    key: "de_first",
    name: "German first-time buyers",
    query: "countries CONTAINS 'de' AND number_of_orders = 1",
    hand: `'de' = ANY(p.countries) AND p.orders_count = 1`,
    params: () => [],
  },
  {
    key: "affinity",
    name: "Collection affinity (purchases)",
    query: "products_purchased CONTAINS (collection: 'pcol_bench_2', since: -365d, min_quantity: 2)",
    hand: `p.customer_id IN (
      SELECT cp.customer_id FROM customer_purchase cp
      WHERE cp.collection_id = 'pcol_bench_2' AND cp.purchased_at >= $2 AND cp.deleted_at IS NULL
      GROUP BY cp.customer_id HAVING sum(cp.quantity) >= 2)`,
    params: (now) => [daysAgo(now, 365)],
  },
  {
    key: "group_email",
    name: "VIP group or example.com",
    query: "customer_groups CONTAINS 'cusgroup_bench_vip' OR email_domain = 'example.com'",
    hand: `('cusgroup_bench_vip' = ANY(p.group_ids) OR p.email LIKE '%@example.com')`,
    params: () => [],
  },
]

/**
 * 50 varied active dynamic segments for the real-time figures: the five
 * representative rules plus 45 more over every kind of attribute (money,
 * counts, dates, lists, text, purchases by collection/category/product,
 * metadata), with AND, OR and NOT.
 */
export function realtimeQueries(): string[] {
  const queries = REPRESENTATIVE_RULES.map((r) => r.query)
  const amounts = [100, 250, 750, 1500]
  for (const a of amounts) {
    queries.push(`amount_spent >= ${a} EUR`)
    queries.push(`amount_spent >= ${a} USD AND number_of_orders >= 2`)
  }
  for (const n of [0, 2, 5, 8]) {
    queries.push(`number_of_orders > ${n}`)
  }
  for (const d of [30, 90, 365]) {
    queries.push(`last_order_date > -${d}d`)
    queries.push(`first_order_date < -${d}d AND last_order_date > -${Math.ceil(d / 3)}d`)
  }
  for (const c of ["us", "fr", "gb", "nl", "at"]) {
    queries.push(`countries CONTAINS '${c}'`)
  }
  queries.push(`countries IN ('it', 'es', 'pl') AND number_of_orders >= 3`)
  for (const g of ["wholesale", "retail", "staff"]) {
    queries.push(`customer_groups CONTAINS 'cusgroup_bench_${g}'`)
  }
  queries.push(`email_domain IN ('web.de', 'gmx.de') AND amount_spent > 200 EUR`)
  queries.push(`email CONTAINS 'anna' OR first_name = 'Max'`)
  queries.push(`average_order_value >= 150 EUR`)
  queries.push(`average_order_value < 60 USD AND number_of_orders >= 2`)
  for (let c = 0; c < 5; c += 1) {
    queries.push(`products_purchased CONTAINS (collection: 'pcol_bench_${c}', since: -90d)`)
  }
  queries.push(`products_purchased CONTAINS (category: 'pcat_bench_1', min_quantity: 3)`)
  queries.push(`products_purchased CONTAINS (product: 'prod_bench_07', since: -180d)`)
  queries.push(`products_purchased CONTAINS (type: 'ptyp_bench_2', since: -30d) AND amount_spent >= 300 EUR`)
  queries.push(`NOT (customer_groups CONTAINS 'cusgroup_bench_vip') AND amount_spent >= 1000 EUR`)
  queries.push(`has_account = true AND number_of_orders = 0`)
  queries.push(`metadata.newsletter = true`)
  queries.push(`customer_added_date < -2y AND number_of_orders <= 1`)
  queries.push(`cities CONTAINS 'city de 3'`)
  queries.push(`last_name STARTS WITH 'Sch' OR provinces CONTAINS 'prov_fr'`)
  return queries
}
