/**
 * Synthetic facts projection for the segment benchmark, generated directly in
 * SQL (generate_series, deterministic through setseed): N customers in
 * customer_profile, their orders (~3 per customer, 0-8) in customer_order and
 * expanded into customer_purchase rows (one per order x product, 1-3 products
 * per order).
 *
 * Profiles are aggregated from the generated orders, so orders_count, spend
 * (per currency, never added across currencies), first/last order dates, the
 * order rows and the purchase rows agree with each other.
 *
 * Reference data (ids the rules in rules.ts use):
 *   products    prod_bench_01 .. prod_bench_50 (popular ones more often)
 *   collections pcol_bench_0 .. pcol_bench_4   (product % 5)
 *   categories  pcat_bench_0 .. pcat_bench_4   (product / 10)
 *   types       ptyp_bench_0 .. ptyp_bench_2   (product % 3)
 *   groups      cusgroup_bench_vip, _wholesale, _retail, _staff, _press (~40% in one, a few in two)
 *   countries   de us fr gb nl it es at be pl (15% of customers have two)
 */

/** Wall clock used for generated dates; the benchmark evaluates relative rules against the same moment. */
export const GENERATED_NOW = "2026-06-01T12:00:00Z"

/** The tables the load writes (their secondary indexes are rebuilt after it). */
const LOADED_TABLES = ["customer_profile", "customer_purchase", "customer_order"]

const step = async (client, log, label, sql, params = []) => {
  const started = Date.now()
  const result = await client.query(sql, params)
  log(`  ${label}: ${((Date.now() - started) / 1000).toFixed(1)} s${result.rowCount ? ` (${result.rowCount} rows)` : ""}`)
  return result
}

/**
 * One purchase row per order, derived from customer_order by hashes of the order id (deterministic,
 * independent of the random sequence): the order's first product with the same skew as the full data
 * (popular ones more often) and quantity 1-3 (70% / 21% / 9%). The 10,000,000-customer data uses it
 * (`--purchases=one-per-order`): 30 M purchase rows instead of 60 M, to fit the shared machine's disk.
 * In customer_order's physical order (the order ids' order, as generated).
 */
export async function onePurchasePerOrder(client, log = console.log) {
  await client.query("SET synchronous_commit = off")
  await client.query("SET work_mem = '256MB'")
  await client.query("SET maintenance_work_mem = '1GB'")
  await step(client, log, "truncate customer_purchase", `TRUNCATE customer_purchase`)
  // Standalone (on data generated before), the table's secondary indexes are dropped for the load and rebuilt.
  const { rows: indexes } = await client.query(
    `SELECT i.indexname, i.indexdef FROM pg_indexes i
     WHERE i.schemaname = 'public' AND i.tablename = 'customer_purchase'
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`
  )
  for (const { indexname } of indexes) await client.query(`DROP INDEX "${indexname}"`)
  try {
    await step(
      client,
      log,
      "customer_purchase (one per order)",
      `INSERT INTO customer_purchase (id, customer_id, order_id, product_id, collection_id, category_ids, type_id, quantity, purchased_at)
       SELECT 'cpur_' || o.order_id || '_0', o.customer_id, o.order_id,
         'prod_bench_' || lpad(p.product::text, 2, '0'),
         'pcol_bench_' || (p.product % 5),
         ARRAY['pcat_bench_' || ((p.product - 1) / 10)],
         'ptyp_bench_' || (p.product % 3),
         CASE WHEN h.q1 < 0.7 THEN 1 WHEN h.q2 < 0.7 THEN 2 ELSE 3 END,
         o.placed_at
       FROM customer_order o,
         LATERAL (SELECT (hashtext(o.order_id || ':product')::bigint + 2147483648) / 4294967296.0::float8 AS u,
                         (hashtext(o.order_id || ':q1')::bigint + 2147483648) / 4294967296.0::float8 AS q1,
                         (hashtext(o.order_id || ':q2')::bigint + 2147483648) / 4294967296.0::float8 AS q2) h,
         LATERAL (SELECT 1 + floor(50 * power(h.u, 1.6))::int AS product) p`
    )
  } finally {
    for (const { indexdef } of indexes) await client.query(indexdef)
  }
}

export async function generate(client, size, log = console.log, options = {}) {
  const started = Date.now()
  log(`generating ${size.toLocaleString("en")} customers in SQL`)
  await client.query("SET synchronous_commit = off")
  await client.query("SET work_mem = '256MB'")
  await client.query("SET maintenance_work_mem = '1GB'")
  await step(
    client,
    log,
    "truncate",
    `TRUNCATE customer_profile, customer_purchase, customer_order, customer_segment_membership, customer_segment, customer_segment_refresh_run`
  )
  // Secondary indexes are dropped during the load and rebuilt after from their own definitions
  // (at 10,000,000 customers, maintaining them row by row is most of the load). The primary keys stay.
  const { rows: indexes } = await client.query(
    `SELECT i.indexname, i.indexdef FROM pg_indexes i
     WHERE i.schemaname = 'public' AND i.tablename = ANY($1::text[])
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
     ORDER BY i.tablename, i.indexname`,
    [LOADED_TABLES]
  )
  for (const { indexname } of indexes) await client.query(`DROP INDEX "${indexname}"`)
  await client.query(`DROP TABLE IF EXISTS bench_customer, bench_order`)
  try {
    await client.query(`SELECT setseed(0.4242)`)

    // One row per customer with its random traits; n_orders: 15% none, 25% one, 15% two, 45% 3-8 (mean ~3.0).
    await step(
      client,
      log,
      "customers",
      `CREATE UNLOGGED TABLE bench_customer AS
       SELECT i,
         'cus_01BENCH' || lpad(i::text, 15, '0') AS customer_id,
         r.account < 0.85 AS has_account,
         CASE WHEN r.orders < 0.15 THEN 0 WHEN r.orders < 0.40 THEN 1 WHEN r.orders < 0.55 THEN 2
              ELSE 3 + floor(random() * 6)::int END AS n_orders,
         CASE WHEN r.currency < 0.55 THEN 'eur' WHEN r.currency < 0.85 THEN 'usd' ELSE 'mixed' END AS currency,
         (ARRAY['gmail.com','gmail.com','gmail.com','outlook.com','outlook.com','yahoo.com','web.de','gmx.de',
                'icloud.com','hotmail.com','example.com','acme.io'])[1 + floor(random() * 12)::int] AS domain,
         (ARRAY['de','de','de','us','us','ca','fr','gb','nl','it','es','at','be','pl'])[1 + floor(random() * 14)::int] AS country1,
         CASE WHEN random() < 0.15 THEN (ARRAY['de','us','ca','fr','gb','nl','it','es','at','be','pl'])[1 + floor(random() * 11)::int] END AS country2,
         CASE WHEN r.grp < 0.08 THEN 'cusgroup_bench_vip' WHEN r.grp < 0.20 THEN 'cusgroup_bench_wholesale'
              WHEN r.grp < 0.32 THEN 'cusgroup_bench_retail' WHEN r.grp < 0.37 THEN 'cusgroup_bench_staff'
              WHEN r.grp < 0.40 THEN 'cusgroup_bench_press' END AS group1,
         CASE WHEN r.grp < 0.40 AND random() < 0.10 THEN 'cusgroup_bench_vip' END AS group2,
         (ARRAY['Anna','Ben','Clara','David','Emma','Felix','Greta','Hugo','Ida','Jonas','Lea','Max'])[1 + floor(random() * 12)::int] AS first_name,
         (ARRAY['Schmidt','Smith','Martin','Rossi','Garcia','Jansen','Novak','Weber','Brown','Dubois'])[1 + floor(random() * 10)::int] AS last_name,
         random() AS added
       FROM generate_series(1, $1::int) AS i,
         LATERAL (SELECT random() + 0 * i AS account, random() + 0 * i AS orders, random() + 0 * i AS currency, random() + 0 * i AS grp) r`,
      [size]
    )

    // Orders spread over the two years before GENERATED_NOW; totals skewed (many small, some large).
    await step(
      client,
      log,
      "orders",
      `CREATE UNLOGGED TABLE bench_order AS
       SELECT c.customer_id, c.i, o.n,
         'order_01BENCH' || lpad(c.i::text, 15, '0') || '_' || o.n AS order_id,
         CASE WHEN c.currency = 'mixed' THEN (CASE WHEN random() < 0.5 THEN 'eur' ELSE 'usd' END) ELSE c.currency END AS currency,
         round((15 + 400 * power(random(), 2.2))::numeric, 2) AS total,
         $1::timestamptz - random() * 730 * interval '1 day' AS placed_at,
         1 + floor(random() * 3)::int AS n_items,
         1 + floor(50 * power(random(), 1.6))::int AS first_product
       FROM bench_customer c, LATERAL generate_series(1, c.n_orders) AS o(n)`,
      [GENERATED_NOW]
    )

    if (options.purchases !== "one-per-order") {
      // One purchase row per order x product: distinct products within an order (first + 0/17/34 mod 50).
      await step(
        client,
        log,
        "customer_purchase",
        `INSERT INTO customer_purchase (id, customer_id, order_id, product_id, collection_id, category_ids, type_id, quantity, purchased_at)
         SELECT 'cpur_' || o.order_id || '_' || k.n, o.customer_id, o.order_id,
           'prod_bench_' || lpad(p.product::text, 2, '0'),
           'pcol_bench_' || (p.product % 5),
           ARRAY['pcat_bench_' || ((p.product - 1) / 10)],
           'ptyp_bench_' || (p.product % 3),
           CASE WHEN random() < 0.7 THEN 1 WHEN random() < 0.7 THEN 2 ELSE 3 END,
           o.placed_at
         FROM bench_order o, LATERAL generate_series(0, o.n_items - 1) AS k(n),
           LATERAL (SELECT 1 + ((o.first_product - 1 + 17 * k.n) % 50) AS product) p`
      )
    }

    // One row per order (amount_spent within dates sums these); raw_total as Medusa's BigNumber columns store it.
    await step(
      client,
      log,
      "customer_order",
      `INSERT INTO customer_order (id, customer_id, order_id, currency_code, total, raw_total, placed_at)
       SELECT 'cord_' || o.order_id, o.customer_id, o.order_id, o.currency, o.total,
         jsonb_build_object('value', o.total::text, 'precision', 20), o.placed_at
       FROM bench_order o`
    )

    if (options.purchases === "one-per-order") {
      await onePurchasePerOrder(client, log)
    }

    await step(
      client,
      log,
      "customer_profile",
      // The generated text is ASCII: SQL's lower() gives what the plugin's fold() stores.
      `INSERT INTO customer_profile (id, customer_id, email, email_domain, first_name, first_name_folded, last_name,
         last_name_folded, has_account, customer_added_at, group_ids, source_ids, countries, provinces, cities, orders_count,
         spend, first_order_at, last_order_at, metadata, metadata_folded, open_carts)
       SELECT 'cprof_01BENCH' || lpad(c.i::text, 15, '0'), c.customer_id,
         lower(c.first_name) || '.' || lower(c.last_name) || c.i || '@' || c.domain, c.domain,
         c.first_name, lower(c.first_name), c.last_name, lower(c.last_name), c.has_account,
         COALESCE(a.first_order_at, $1::timestamptz) - ((1 + c.added * 365) || ' days')::interval,
         ARRAY(SELECT g FROM unnest(ARRAY[c.group1, c.group2]) g WHERE g IS NOT NULL GROUP BY g ORDER BY g),
         ARRAY['cuaddr_bench_' || c.i] || CASE WHEN c.country2 IS NOT NULL AND c.country2 <> c.country1 THEN ARRAY['cuaddr_bench_' || c.i || '_2'] ELSE '{}'::text[] END,
         ARRAY(SELECT DISTINCT x FROM unnest(ARRAY[c.country1, c.country2]) x WHERE x IS NOT NULL ORDER BY x),
         ARRAY['prov_' || c.country1],
         ARRAY['city ' || c.country1 || ' ' || (c.i % 7)],
         COALESCE(a.orders_count, 0),
         COALESCE(a.spend, '{}'::jsonb),
         a.first_order_at, a.last_order_at,
         CASE WHEN c.i % 10 = 0 THEN jsonb_build_object('newsletter', c.i % 20 = 0) END,
         CASE WHEN c.i % 10 = 0 THEN jsonb_build_object('newsletter', c.i % 20 = 0) END,
         '{}'::text[]
       FROM bench_customer c
       LEFT JOIN (
         SELECT customer_id, sum(orders)::int AS orders_count, min(first_order_at) AS first_order_at, max(last_order_at) AS last_order_at,
           jsonb_object_agg(currency, jsonb_build_object('amount', amount, 'orders', orders)) AS spend
         FROM (
           SELECT customer_id, currency, sum(total)::float8 AS amount, count(*)::int AS orders,
             min(placed_at) AS first_order_at, max(placed_at) AS last_order_at
           FROM bench_order GROUP BY customer_id, currency
         ) per_currency GROUP BY customer_id
       ) a ON a.customer_id = c.customer_id
       ORDER BY c.i`,
      [GENERATED_NOW]
    )
    await client.query(`DROP TABLE IF EXISTS bench_customer, bench_order`)
  } finally {
    // Rebuilt even when the load failed, so a failed run never leaves the tables without their indexes.
    const indexStarted = Date.now()
    for (const { indexdef } of indexes) await client.query(indexdef)
    log(`  ${indexes.length} indexes rebuilt: ${((Date.now() - indexStarted) / 1000).toFixed(1)} s`)
  }
  // No VACUUM or ANALYZE: the tables are as a bulk write leaves them (each measurement sets the statistics it wants).
  const { rows } = await client.query(
    `SELECT (SELECT count(*)::int FROM customer_profile) AS customers,
       (SELECT sum(orders_count)::int FROM customer_profile) AS orders,
       (SELECT count(*)::int FROM customer_purchase) AS purchases,
       pg_size_pretty(pg_total_relation_size('customer_profile')) AS profile_size,
       pg_size_pretty(pg_total_relation_size('customer_purchase')) AS purchase_size,
       pg_size_pretty(pg_total_relation_size('customer_order')) AS order_size`
  )
  const seconds = (Date.now() - started) / 1000
  log(
    `generated ${rows[0].customers} customers, ${rows[0].orders} orders, ${rows[0].purchases} purchase rows ` +
      `(customer_profile ${rows[0].profile_size}, customer_purchase ${rows[0].purchase_size}, customer_order ${rows[0].order_size}) in ${seconds.toFixed(1)} s`
  )
  return { ...rows[0], seconds }
}
