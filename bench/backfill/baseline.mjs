/**
 * The hand-written baseline of the backfill: the same three tables of facts
 * (customer_profile, customer_order, customer_purchase) computed from Medusa's
 * tables by one transaction of three set-based INSERT … SELECT statements,
 * into scratch tables bench_baseline_{profile,order,purchase} made LIKE the
 * projection's tables, with the same indexes (the backfill's output must be
 * indexed too): built after the rows by default (runBaseline's `indexes`).
 * It runs on the server's default settings (work_mem etc.), like the app's
 * connections.
 *
 * The facts, as loadCustomerFacts + storedProfile make them:
 *   order     one row per order of an existing customer that is not a draft
 *             or canceled (status), not deleted: lower-case currency, the
 *             total order_summary stores for the order's version
 *             (raw_current_order_total), placed_at = created_at
 *   purchase  one row per such order × product: quantities of its items
 *             (order_item at the order's version) added, the product's
 *             collection, categories (not deleted, sorted) and type
 *   profile   one row per customer that is not deleted: email and names
 *             folded, email domain, has_account, created_at, groups (sorted),
 *             address and group-link ids (sorted), countries / provinces /
 *             cities (trimmed, folded, distinct, sorted, no empties),
 *             order count, spend per currency { amount, orders },
 *             first/last order, metadata and its folded twin, open carts
 *             (last activity of up to 20 carts with items not completed),
 *             audiences, last activity (presence)
 * Folding here is lower() (the generated text is ASCII, where it equals the
 * plugin's fold()); sorting is by code point (COLLATE "C"), like JS's sort.
 */

export const BASELINE = { profile: "bench_baseline_profile", order: "bench_baseline_order", purchase: "bench_baseline_purchase" }

const iso = (x) => `to_char(${x} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
/** Trimmed, folded, distinct, sorted non-empty values of a column, as an aggregate. */
const placeSet = (column) =>
  `coalesce(array_agg(DISTINCT lower(trim(${column})) COLLATE "C" ORDER BY lower(trim(${column})) COLLATE "C")
     FILTER (WHERE trim(${column}) <> ''), '{}')`

export const STATEMENTS = {
  order: `INSERT INTO ${BASELINE.order} (id, customer_id, order_id, currency_code, total, raw_total, placed_at, created_at, updated_at)
    SELECT 'cord_' || replace(gen_random_uuid()::text, '-', ''), o.customer_id, o.id, lower(o.currency_code), t.total,
      jsonb_build_object('value', t.total::text, 'precision', 20), o.created_at, now(), now()
    FROM "order" o
    JOIN customer c ON c.id = o.customer_id AND c.deleted_at IS NULL
    JOIN order_summary s ON s.order_id = o.id AND s.version = o.version AND s.deleted_at IS NULL,
    LATERAL (SELECT trim_scale((s.totals -> 'raw_current_order_total' ->> 'value')::numeric) AS total) t
    WHERE o.deleted_at IS NULL AND o.status NOT IN ('draft', 'canceled')`,
  purchase: `INSERT INTO ${BASELINE.purchase} (id, customer_id, order_id, product_id, collection_id, category_ids, type_id, quantity, purchased_at, created_at, updated_at)
    SELECT 'cpur_' || replace(gen_random_uuid()::text, '-', ''), q.customer_id, q.order_id, q.product_id, p.collection_id,
      coalesce(cat.ids, '{}'), p.type_id, q.quantity, q.placed_at, now(), now()
    FROM (
      SELECT o.customer_id, o.order_id, li.product_id, sum(oi.quantity)::int AS quantity, min(o.placed_at) AS placed_at
      FROM ${BASELINE.order} o
      JOIN "order" mo ON mo.id = o.order_id
      JOIN order_item oi ON oi.order_id = o.order_id AND oi.version = mo.version AND oi.deleted_at IS NULL
      JOIN order_line_item li ON li.id = oi.item_id AND li.deleted_at IS NULL AND li.product_id IS NOT NULL
      GROUP BY o.customer_id, o.order_id, li.product_id
    ) q
    LEFT JOIN product p ON p.id = q.product_id
    LEFT JOIN (
      SELECT pcp.product_id, array_agg(pcp.product_category_id COLLATE "C" ORDER BY pcp.product_category_id COLLATE "C") AS ids
      FROM product_category_product pcp JOIN product_category pc ON pc.id = pcp.product_category_id AND pc.deleted_at IS NULL
      GROUP BY pcp.product_id
    ) cat ON cat.product_id = q.product_id`,
  profile: `INSERT INTO ${BASELINE.profile} (id, customer_id, email, email_domain, first_name, first_name_folded, last_name, last_name_folded,
      has_account, customer_added_at, group_ids, source_ids, countries, provinces, cities, orders_count, spend, first_order_at, last_order_at,
      metadata, metadata_folded, open_carts, audience_ids, last_activity_at, created_at, updated_at)
    WITH addr AS (
      SELECT customer_id, array_agg(id) AS ids, ${placeSet("country_code")} AS countries, ${placeSet("province")} AS provinces,
        ${placeSet("city")} AS cities
      FROM customer_address WHERE deleted_at IS NULL GROUP BY customer_id
    ), grp AS (
      SELECT l.customer_id, array_agg(l.id) AS link_ids,
        coalesce(array_agg(DISTINCT l.customer_group_id COLLATE "C" ORDER BY l.customer_group_id COLLATE "C") FILTER (WHERE g.id IS NOT NULL), '{}') AS group_ids
      FROM customer_group_customer l LEFT JOIN customer_group g ON g.id = l.customer_group_id AND g.deleted_at IS NULL
      WHERE l.deleted_at IS NULL GROUP BY l.customer_id
    ), cur AS (
      SELECT customer_id, currency_code, sum(total) AS amount, count(*)::int AS n, min(placed_at) AS first_at, max(placed_at) AS last_at
      FROM ${BASELINE.order} GROUP BY customer_id, currency_code
    ), ord AS (
      SELECT customer_id, sum(n)::int AS n, min(first_at) AS first_at, max(last_at) AS last_at,
        jsonb_object_agg(currency_code, jsonb_build_object('amount', trim_scale(amount), 'orders', n)) AS spend
      FROM cur GROUP BY customer_id
    ), cart_last AS (
      SELECT ca.customer_id, greatest(ca.updated_at, max(li.updated_at)) AS last_at,
        row_number() OVER (PARTITION BY ca.customer_id ORDER BY greatest(ca.updated_at, max(li.updated_at)) DESC) AS r
      FROM cart ca JOIN cart_line_item li ON li.cart_id = ca.id AND li.deleted_at IS NULL
      WHERE ca.completed_at IS NULL AND ca.deleted_at IS NULL AND ca.customer_id IS NOT NULL
      GROUP BY ca.id
    ), carts AS (
      SELECT customer_id, array_agg(DISTINCT ${iso("last_at")} COLLATE "C" ORDER BY ${iso("last_at")} COLLATE "C") AS times
      FROM cart_last WHERE r <= 20 GROUP BY customer_id
    ), aud AS (
      SELECT customer_id, array_agg(DISTINCT audience_id COLLATE "C" ORDER BY audience_id COLLATE "C") AS ids
      FROM audience_member WHERE deleted_at IS NULL GROUP BY customer_id
    )
    SELECT 'cprof_' || replace(gen_random_uuid()::text, '-', ''), c.id, lower(c.email), substring(lower(c.email) FROM '@([^@]+)$'),
      nullif(c.first_name, ''), lower(nullif(c.first_name, '')), nullif(c.last_name, ''), lower(nullif(c.last_name, '')),
      c.has_account, c.created_at, coalesce(grp.group_ids, '{}'),
      ARRAY(SELECT x FROM unnest(coalesce(addr.ids, '{}') || coalesce(grp.link_ids, '{}')) x ORDER BY x COLLATE "C"),
      coalesce(addr.countries, '{}'), coalesce(addr.provinces, '{}'), coalesce(addr.cities, '{}'),
      coalesce(ord.n, 0), coalesce(ord.spend, '{}'), ord.first_at, ord.last_at,
      c.metadata,
      CASE WHEN c.metadata IS NOT NULL THEN coalesce((
        SELECT jsonb_object_agg(m.key, CASE WHEN jsonb_typeof(m.value) = 'string' THEN to_jsonb(lower(m.value #>> '{}')) ELSE m.value END)
        FROM jsonb_each(c.metadata) m), '{}') END,
      coalesce(carts.times, '{}'), coalesce(aud.ids, '{}'), pr.last_seen_at, now(), now()
    FROM customer c
    LEFT JOIN addr ON addr.customer_id = c.id
    LEFT JOIN grp ON grp.customer_id = c.id
    LEFT JOIN ord ON ord.customer_id = c.id
    LEFT JOIN carts ON carts.customer_id = c.id
    LEFT JOIN aud ON aud.customer_id = c.id
    LEFT JOIN customer_presence pr ON pr.kind = 'customer' AND pr.subject_id = c.id AND pr.deleted_at IS NULL
    WHERE c.deleted_at IS NULL`,
}

/**
 * Builds the baseline tables (dropped and made again first, outside the
 * timing), then times the transaction of the three statements, and ANALYZE
 * of the three tables after it (the backfill analyses the projection too).
 * `indexes`: "during" (the tables made with the projection's indexes, which
 * the statements maintain row by row) or "after" (the tables made without
 * secondary indexes and primary keys, which are built from the projection's
 * own definitions at the end of the transaction: usually faster).
 */
export async function runBaseline(client, log = console.log, { indexes = "after" } = {}) {
  const build = []
  for (const [name, table] of Object.entries(BASELINE)) {
    await client.query(`DROP TABLE IF EXISTS ${table}`)
    if (indexes === "during") {
      await client.query(`CREATE TABLE ${table} (LIKE customer_${name} INCLUDING ALL)`)
      continue
    }
    await client.query(`CREATE TABLE ${table} (LIKE customer_${name} INCLUDING DEFAULTS)`)
    const { rows } = await client.query(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = $1`, [`customer_${name}`])
    for (const { indexname, indexdef } of rows) {
      // The primary key comes back as its unique index.
      build.push(indexdef.replace(/^(CREATE (?:UNIQUE )?INDEX )\S+ ON public\.\S+ /, `$1"bench_${indexname}" ON public.${table} `))
    }
  }
  await client.query("CHECKPOINT")
  const ms = {}
  const rows = {}
  const started = process.hrtime.bigint()
  await client.query("BEGIN")
  try {
    for (const name of ["order", "purchase", "profile"]) {
      const t = process.hrtime.bigint()
      const result = await client.query(STATEMENTS[name])
      ms[name] = Math.round(Number(process.hrtime.bigint() - t) / 1e6)
      rows[name] = result.rowCount
      log(`  baseline ${name}: ${(ms[name] / 1000).toFixed(1)} s (${result.rowCount.toLocaleString("en")} rows)`)
    }
    if (build.length) {
      const t = process.hrtime.bigint()
      for (const statement of build) await client.query(statement)
      ms.indexes = Math.round(Number(process.hrtime.bigint() - t) / 1e6)
      log(`  baseline indexes: ${(ms.indexes / 1000).toFixed(1)} s (${build.length})`)
    }
    await client.query("COMMIT")
  } catch (error) {
    await client.query("ROLLBACK")
    throw error
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  const analyzeStarted = process.hrtime.bigint()
  await client.query(`ANALYZE ${Object.values(BASELINE).join(", ")}`)
  const analyzeSeconds = Number(process.hrtime.bigint() - analyzeStarted) / 1e9
  log(`baseline (indexes ${indexes}): ${seconds.toFixed(1)} s (+ ANALYZE ${analyzeSeconds.toFixed(1)} s)`)
  return { indexes, seconds: round(seconds), analyze_seconds: round(analyzeSeconds), statement_ms: ms, rows }
}

const round = (x) => Math.round(x * 100) / 100

/** JSON with object keys sorted (json_object_agg's order is the grouping's). */
const canonical = (value) =>
  JSON.stringify(value, (key, v) => (v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v))

/** Row counts and sums of what the backfill wrote (the projection) and the baseline, and how many rows differ. */
export async function compareWithBaseline(client) {
  // Not timed: sorting millions of rows both ways goes faster in memory.
  await client.query("SET work_mem = '256MB'")
  const sums = async (profile, order, purchase) =>
    (
      await client.query(
        `SELECT (SELECT count(*)::int FROM ${profile} WHERE deleted_at IS NULL) AS profiles,
           (SELECT count(*)::int FROM ${order} WHERE deleted_at IS NULL) AS orders,
           (SELECT count(*)::int FROM ${purchase} WHERE deleted_at IS NULL) AS purchases,
           (SELECT sum(orders_count)::bigint FROM ${profile} WHERE deleted_at IS NULL) AS orders_count_sum,
           (SELECT json_object_agg(currency, amount) FROM (
              SELECT s.key AS currency, trim_scale(sum((s.value ->> 'amount')::numeric))::text AS amount
              FROM ${profile} p, jsonb_each(p.spend) s WHERE p.deleted_at IS NULL GROUP BY 1) x) AS spend_amount_sums,
           (SELECT trim_scale(sum(total))::text FROM ${order} WHERE deleted_at IS NULL) AS order_total_sum,
           (SELECT sum(quantity)::bigint FROM ${purchase} WHERE deleted_at IS NULL) AS purchase_quantity_sum,
           (SELECT count(*)::int FROM ${profile} WHERE deleted_at IS NULL AND last_activity_at IS NOT NULL) AS with_last_activity`
      )
    ).rows[0]
  const projection = await sums("customer_profile", "customer_order", "customer_purchase")
  const baseline = await sums(BASELINE.profile, BASELINE.order, BASELINE.purchase)
  const PROFILE = `customer_id, email, email_domain, first_name, first_name_folded, last_name, last_name_folded, has_account, customer_added_at,
    group_ids, source_ids, countries, provinces, cities, orders_count, spend, first_order_at, last_order_at, metadata, metadata_folded,
    open_carts, audience_ids, last_activity_at`
  const differ = async (columns, a, b) =>
    (
      await client.query(
        `SELECT count(*)::int AS n FROM ((SELECT ${columns} FROM ${a} WHERE deleted_at IS NULL EXCEPT ALL SELECT ${columns} FROM ${b} WHERE deleted_at IS NULL)
           UNION ALL (SELECT ${columns} FROM ${b} WHERE deleted_at IS NULL EXCEPT ALL SELECT ${columns} FROM ${a} WHERE deleted_at IS NULL)) d`
      )
    ).rows[0].n
  const differing_rows = {
    profiles: await differ(PROFILE, "customer_profile", BASELINE.profile),
    orders: await differ("customer_id, order_id, currency_code, total, placed_at", "customer_order", BASELINE.order),
    purchases: await differ(
      "customer_id, order_id, product_id, collection_id, category_ids, type_id, quantity, purchased_at",
      "customer_purchase",
      BASELINE.purchase
    ),
  }
  const agree = canonical(projection) === canonical(baseline)
  return { agree, projection, baseline, differing_rows }
}
