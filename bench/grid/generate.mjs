/**
 * The customers-grid benchmark's store, generated in SQL (set-based:
 * generate_series, no loops) straight into Medusa's customer tables and the
 * plugin's facts projection. Deterministic: every "random" trait is a hash of
 * the row number (u(i, k) below), so the same N gives the same rows.
 *
 * Per customer i (1..N), id 'cus_01BENCH' || lpad(i, 15, '0') (ascending with
 * created_at, like Medusa's ULIDs):
 *   customer          email first.last<i>@domain, first/last name, phone (70%),
 *                     company_name (20%), has_account (85%), created_at spread
 *                     evenly over the 3 years before GENERATED_NOW
 *   customer_address  none (25%), one (65%) or two (10%); countries weighted
 *                     (de 25%, us 19%, fr 12.5%, gb 12.5%, nl, it, es, at, pl)
 *   customer_group_customer  ~40% in one group (vip 8%, wholesale 12%, retail
 *                     12%, staff 5%, press 3%), 10% of those also in vip
 *   customer_profile  the facts consistent with the above: orders_count (15%
 *                     none, 25% one, 15% two, 45% 3-8), spend per currency
 *                     ({ eur: { amount, orders } }, eur 55% / usd 30% / both
 *                     15%), first/last order dates after created_at,
 *                     last_activity_at (80% of account holders), countries,
 *                     group_ids, source_ids, folded email and names
 *   segments          cseg_bench_vip_list: static, 5% (manual members);
 *                     cseg_bench_frequent: dynamic "number_of_orders >= 5",
 *                     ~30% (rule members, no relative dates: no job refreshes it)
 *
 * The tables' secondary indexes are dropped during the load and rebuilt after
 * (their definitions read from pg_indexes, so they come back as the
 * migrations made them), with FK triggers off (session_replication_role).
 * Then VACUUM (ANALYZE).
 */

/** The generated data's "now": dates are spread before it, so runs are comparable whatever the day. */
export const GENERATED_NOW = "2026-12-01T00:00:00Z"

export const GROUPS = [
  ["cusgroup_bench_vip", "Bench VIP"],
  ["cusgroup_bench_wholesale", "Bench Wholesale"],
  ["cusgroup_bench_retail", "Bench Retail"],
  ["cusgroup_bench_staff", "Bench Staff"],
  ["cusgroup_bench_press", "Bench Press"],
]
export const SEGMENTS = { static5: "cseg_bench_vip_list", dynamic30: "cseg_bench_frequent" }

const TABLES = ["customer", "customer_address", "customer_group_customer", "customer_profile", "customer_segment_membership"]

const FIRST = ["Anna", "Ben", "Clara", "David", "Emma", "Felix", "Greta", "Hugo", "Ida", "Jonas", "Lea", "Max", "Nora", "Oskar", "Paula", "Quentin", "Rosa", "Samuel", "Tara", "Umut"]
const LAST = ["Schmidt", "Smith", "Martin", "Rossi", "Garcia", "Jansen", "Novak", "Weber", "Brown", "Dubois", "Mueller", "Kowalski", "Bakker", "Lefebvre", "Romano", "Fischer", "Wilson", "Moreau", "Costa", "Nowak"]
const DOMAINS = ["gmail.com", "gmail.com", "gmail.com", "outlook.com", "outlook.com", "yahoo.com", "web.de", "gmx.de", "icloud.com", "hotmail.com", "example.com", "acme.io"]
const COUNTRIES = ["de", "de", "de", "de", "us", "us", "us", "fr", "fr", "gb", "gb", "nl", "it", "es", "at", "pl"]
const COMPANIES = ["Acme", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Hooli", "Vandelay", "Tyrell", "Soylent"]

const arr = (values) => `ARRAY[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(",")}]`
const pick = (values, u) => `(${arr(values)})[1 + floor(${u} * ${values.length})::int]`

export async function step(client, log, label, text, params = []) {
  const started = Date.now()
  const result = await client.query(text, params)
  log(`  ${label}: ${((Date.now() - started) / 1000).toFixed(1)} s${result.rowCount ? ` (${result.rowCount.toLocaleString("en")} rows)` : ""}`)
  return result
}

/** Session settings and the hash u(i, k) the generators use: a uniform number in [0, 1) from a row number and a trait number. */
export async function prepareSession(client) {
  await client.query("SET synchronous_commit = off")
  await client.query("SET work_mem = '128MB'")
  await client.query("SET maintenance_work_mem = '512MB'")
  await client.query(`CREATE OR REPLACE FUNCTION pg_temp.u(i bigint, k int) RETURNS float8 LANGUAGE sql IMMUTABLE AS
    $$ SELECT (hashint8(i * 64 + k)::bigint + 2147483648) / 4294967296.0 $$`)
}

/**
 * Drops the secondary indexes of `tables` (not those behind constraints) and
 * answers their definitions, for rebuildIndexes after the load.
 */
export async function dropIndexes(client, tables) {
  const { rows: indexes } = await client.query(
    `SELECT i.indexname, i.indexdef FROM pg_indexes i
     WHERE i.schemaname = 'public' AND i.tablename = ANY($1::text[])
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
     ORDER BY i.tablename, i.indexname`,
    [tables]
  )
  for (const { indexname } of indexes) await client.query(`DROP INDEX "${indexname}"`)
  return indexes
}

/** Recreates indexes dropped by dropIndexes, from their own definitions. */
export async function rebuildIndexes(client, indexes, log) {
  const indexStarted = Date.now()
  for (const { indexdef } of indexes) await client.query(indexdef)
  log(`  ${indexes.length} indexes rebuilt: ${((Date.now() - indexStarted) / 1000).toFixed(1)} s`)
}

/**
 * The customers' traits in the unlogged table bench_c (one row per customer
 * i: id, names, domain, dates, orders, currencies, order value, addresses,
 * countries, groups, ...), then Medusa's customer, customer_address,
 * customer_group and customer_group_customer rows from them. Needs
 * prepareSession; the caller drops bench_c when done with it.
 */
export async function generateCustomers(client, size, log) {
  await client.query(`DROP TABLE IF EXISTS bench_c`)
  await step(
    client,
    log,
    "traits",
    `CREATE UNLOGGED TABLE bench_c AS
     SELECT t.*,
       CASE WHEN t.orders = 0 THEN NULL ELSE t.created_at + (($2::timestamptz - t.created_at) * (0.6 * pg_temp.u(t.i, 12))) END AS first_order_at
     FROM (
       SELECT i,
         'cus_01BENCH' || lpad(i::text, 15, '0') AS id,
         ${pick(FIRST, "pg_temp.u(i, 26)")} AS first_name,
         ${pick(LAST, "pg_temp.u(i, 27)")} AS last_name,
         ${pick(DOMAINS, "pg_temp.u(i, 28)")} AS domain,
         CASE WHEN pg_temp.u(i, 24) < 0.7 THEN '+49 ' || (1500000000 + i)::text END AS phone,
         CASE WHEN pg_temp.u(i, 22) < 0.2 THEN ${pick(COMPANIES, "pg_temp.u(i, 23)")} || ' ' || (i % 997)::text END AS company_name,
         pg_temp.u(i, 25) < 0.85 AS has_account,
         $2::timestamptz - interval '1095 days' + ((i - 1)::float8 / $1 * 1095) * interval '1 day' - pg_temp.u(i, 1) * interval '6 hours' AS created_at,
         CASE WHEN pg_temp.u(i, 7) < 0.15 THEN 0 WHEN pg_temp.u(i, 7) < 0.40 THEN 1 WHEN pg_temp.u(i, 7) < 0.55 THEN 2
              ELSE 3 + floor(pg_temp.u(i, 8) * 6)::int END AS orders,
         CASE WHEN pg_temp.u(i, 9) < 0.55 THEN 'eur' WHEN pg_temp.u(i, 9) < 0.85 THEN 'usd' ELSE 'both' END AS currencies,
         15 + 250 * power(pg_temp.u(i, 10), 2) AS order_value,
         CASE WHEN pg_temp.u(i, 16) < 0.25 THEN 0 WHEN pg_temp.u(i, 16) < 0.90 THEN 1 ELSE 2 END AS addresses,
         ${pick(COUNTRIES, "pg_temp.u(i, 17)")} AS country1,
         ${pick(COUNTRIES, "pg_temp.u(i, 18)")} AS country2,
         CASE WHEN pg_temp.u(i, 19) < 0.08 THEN 'cusgroup_bench_vip' WHEN pg_temp.u(i, 19) < 0.20 THEN 'cusgroup_bench_wholesale'
              WHEN pg_temp.u(i, 19) < 0.32 THEN 'cusgroup_bench_retail' WHEN pg_temp.u(i, 19) < 0.37 THEN 'cusgroup_bench_staff'
              WHEN pg_temp.u(i, 19) < 0.40 THEN 'cusgroup_bench_press' END AS group1,
         CASE WHEN pg_temp.u(i, 19) >= 0.08 AND pg_temp.u(i, 19) < 0.40 AND pg_temp.u(i, 20) < 0.10 THEN 'cusgroup_bench_vip' END AS group2,
         pg_temp.u(i, 21) < 0.05 AS in_static
       FROM generate_series(1, $1::int) AS i
     ) t`,
    [size, GENERATED_NOW]
  )
  await step(
    client,
    log,
    "traits (orders)",
    `ALTER TABLE bench_c
       ADD COLUMN eur_orders int, ADD COLUMN usd_orders int, ADD COLUMN last_order_at timestamptz, ADD COLUMN last_activity_at timestamptz`
  )
  await step(
    client,
    log,
    "traits (dates)",
    `UPDATE bench_c SET
       eur_orders = CASE currencies WHEN 'eur' THEN orders WHEN 'usd' THEN 0 ELSE ceil(orders / 2.0)::int END,
       usd_orders = orders - CASE currencies WHEN 'eur' THEN orders WHEN 'usd' THEN 0 ELSE ceil(orders / 2.0)::int END,
       last_order_at = CASE WHEN orders = 0 THEN NULL WHEN orders = 1 THEN first_order_at
                            ELSE first_order_at + ($1::timestamptz - first_order_at) * pg_temp.u(i, 13) END,
       last_activity_at = CASE WHEN has_account AND pg_temp.u(i, 14) < 0.8
                               THEN created_at + ($1::timestamptz - created_at) * (0.3 + 0.7 * pg_temp.u(i, 15)) END`,
    [GENERATED_NOW]
  )
  // Activity is never before the last order.
  await client.query(`UPDATE bench_c SET last_activity_at = last_order_at WHERE last_activity_at < last_order_at`)

  await step(
    client,
    log,
    "customer",
    `INSERT INTO customer (id, company_name, first_name, last_name, email, phone, has_account, created_at, updated_at)
     SELECT id, company_name, first_name, last_name,
       lower(first_name) || '.' || lower(last_name) || i || '@' || domain, phone, has_account, created_at, created_at
     FROM bench_c ORDER BY i`
  )
  await step(
    client,
    log,
    "customer_address",
    `INSERT INTO customer_address (id, customer_id, address_name, is_default_shipping, is_default_billing, first_name, last_name,
       address_1, city, country_code, postal_code, created_at, updated_at)
     SELECT 'cuaddr_bench_' || lpad(c.i::text, 15, '0') || '_' || n, c.id, CASE n WHEN 1 THEN 'Home' ELSE 'Work' END, n = 1, n = 1,
       c.first_name, c.last_name, 'Bench street ' || (c.i % 300 + 1), 'City ' || upper(a.country) || ' ' || (c.i % 50),
       a.country, lpad((c.i % 99999)::text, 5, '0'), c.created_at, c.created_at
     FROM bench_c c, LATERAL generate_series(1, c.addresses) AS n,
       LATERAL (SELECT CASE n WHEN 1 THEN c.country1 ELSE c.country2 END AS country) a
     ORDER BY c.i, n`
  )
  await client.query(
    `INSERT INTO customer_group (id, name, created_at, updated_at) SELECT g[1], g[2], $2, $2 FROM unnest($1::text[]) AS x, LATERAL (SELECT string_to_array(x, '|') AS g) s`,
    [GROUPS.map(([id, name]) => `${id}|${name}`), "2023-11-01T00:00:00Z"]
  )
  await step(
    client,
    log,
    "customer_group_customer",
    `INSERT INTO customer_group_customer (id, customer_id, customer_group_id, created_at, updated_at)
     SELECT 'cusgc_bench_' || lpad(c.i::text, 15, '0') || '_' || g.n, c.id, g.group_id, c.created_at, c.created_at
     FROM bench_c c, LATERAL (VALUES (1, c.group1), (2, c.group2)) AS g(n, group_id)
     WHERE g.group_id IS NOT NULL ORDER BY c.i, g.n`
  )
}

/** Fills the store with `size` customers (the tables are emptied first). */
export async function generate(client, size, log = console.log) {
  const started = Date.now()
  log(`generating ${size.toLocaleString("en")} customers in SQL`)
  await prepareSession(client)

  await step(client, log, "truncate", `TRUNCATE ${TABLES.join(", ")}, customer_group, customer_segment CASCADE`)
  const indexes = await dropIndexes(client, TABLES)
  await client.query("SET session_replication_role = replica")

  await generateCustomers(client, size, log)
  // The generated text is ASCII: lower() gives what the plugin's fold() stores.
  await step(
    client,
    log,
    "customer_profile",
    `INSERT INTO customer_profile (id, customer_id, email, email_domain, first_name, first_name_folded, last_name, last_name_folded,
       has_account, customer_added_at, group_ids, source_ids, countries, provinces, cities, orders_count, spend,
       first_order_at, last_order_at, metadata, metadata_folded, open_carts, audience_ids, last_activity_at, created_at, updated_at)
     SELECT 'cprof_01BENCH' || lpad(c.i::text, 15, '0'), c.id,
       lower(c.first_name) || '.' || lower(c.last_name) || c.i || '@' || c.domain, c.domain,
       c.first_name, lower(c.first_name), c.last_name, lower(c.last_name),
       c.has_account, c.created_at,
       ARRAY(SELECT DISTINCT g FROM unnest(ARRAY[c.group1, c.group2]) g WHERE g IS NOT NULL ORDER BY g),
       ARRAY(SELECT 'cuaddr_bench_' || lpad(c.i::text, 15, '0') || '_' || n FROM generate_series(1, c.addresses) n)
         || CASE WHEN c.group1 IS NOT NULL THEN ARRAY['cusgc_bench_' || lpad(c.i::text, 15, '0') || '_1'] ELSE '{}'::text[] END
         || CASE WHEN c.group2 IS NOT NULL THEN ARRAY['cusgc_bench_' || lpad(c.i::text, 15, '0') || '_2'] ELSE '{}'::text[] END,
       CASE c.addresses WHEN 0 THEN '{}'::text[] WHEN 1 THEN ARRAY[c.country1]
         ELSE ARRAY(SELECT DISTINCT x FROM unnest(ARRAY[c.country1, c.country2]) x ORDER BY x) END,
       '{}'::text[],
       CASE c.addresses WHEN 0 THEN '{}'::text[] WHEN 1 THEN ARRAY['city ' || c.country1 || ' ' || (c.i % 50)]
         ELSE ARRAY(SELECT DISTINCT 'city ' || x || ' ' || (c.i % 50) FROM unnest(ARRAY[c.country1, c.country2]) x ORDER BY 1) END,
       c.orders,
       jsonb_strip_nulls(jsonb_build_object(
         'eur', CASE WHEN c.eur_orders > 0 THEN jsonb_build_object('amount', round((c.eur_orders * c.order_value)::numeric, 2), 'orders', c.eur_orders) END,
         'usd', CASE WHEN c.usd_orders > 0 THEN jsonb_build_object('amount', round((c.usd_orders * c.order_value * 1.1)::numeric, 2), 'orders', c.usd_orders) END)),
       c.first_order_at, c.last_order_at, NULL, NULL, '{}'::text[], '{}'::text[], c.last_activity_at, c.created_at, c.created_at
     FROM bench_c c ORDER BY c.i`
  )
  await client.query(
    `INSERT INTO customer_segment (id, name, description, kind, applies_to, status, rule, query, attributes, relative_dates, member_count, last_refreshed_at, created_at, updated_at)
     VALUES ($1, 'Bench VIP list', 'Hand-picked (5%)', 'static', 'both', 'active', NULL, NULL, '{}', false, 0, NULL, $3, $3),
            ($2, 'Bench frequent buyers', 'number_of_orders >= 5 (~30%)', 'dynamic', 'both', 'active',
             '{"all":[{"attribute":"number_of_orders","operator":"gte","value":5}]}', 'number_of_orders >= 5', '{number_of_orders}', false, 0, $3, $3, $3)`,
    [SEGMENTS.static5, SEGMENTS.dynamic30, GENERATED_NOW]
  )
  await step(
    client,
    log,
    "customer_segment_membership",
    `INSERT INTO customer_segment_membership (id, segment_id, customer_id, source, matched_at, created_at, updated_at)
     SELECT 'csegm_bench_' || s.tag || '_' || lpad(c.i::text, 15, '0'), s.segment_id, c.id, s.source, $3::timestamptz, $3::timestamptz, $3::timestamptz
     FROM bench_c c, LATERAL (VALUES ('s', $1, 'manual', c.in_static), ('f', $2, 'rule', c.orders >= 5)) AS s(tag, segment_id, source, member)
     WHERE s.member ORDER BY c.i, s.tag`,
    [SEGMENTS.static5, SEGMENTS.dynamic30, GENERATED_NOW]
  )
  await client.query(
    `UPDATE customer_segment s SET member_count = (SELECT count(*) FROM customer_segment_membership m WHERE m.segment_id = s.id)`
  )
  await client.query("SET session_replication_role = origin")
  await client.query(`DROP TABLE bench_c`)

  await rebuildIndexes(client, indexes, log)
  // VACUUM as well: the visibility map of a settled store (index-only scans), not of a fresh bulk load.
  await step(client, log, "vacuum analyze", `VACUUM (ANALYZE) ${TABLES.join(", ")}, customer_group, customer_segment`)

  const { rows } = await client.query(
    `SELECT (SELECT count(*)::int FROM customer) AS customers,
       (SELECT count(*)::int FROM customer_address) AS addresses,
       (SELECT count(*)::int FROM customer_group_customer) AS group_memberships,
       (SELECT json_object_agg(segment_id, n) FROM (SELECT segment_id, count(*)::int AS n FROM customer_segment_membership GROUP BY 1) s) AS segment_members,
       pg_size_pretty(pg_total_relation_size('customer')) AS customer_size,
       pg_size_pretty(pg_total_relation_size('customer_profile')) AS profile_size`
  )
  const seconds = (Date.now() - started) / 1000
  log(`generated ${JSON.stringify(rows[0])} in ${seconds.toFixed(1)} s`)
  return { ...rows[0], seconds }
}
