/**
 * The backfill benchmark's store: N customers and their orders, generated in
 * SQL (set-based: generate_series, no loops) straight into Medusa 2.21's own
 * tables, with the plugin's facts projection left empty (what a store that
 * installs the plugin has). Deterministic: every "random" trait is a hash of
 * a row number (pg_temp.u, shared with bench/grid), so the same N gives the
 * same rows.
 *
 *   node bench/backfill/generate.mjs                        # 1,000,000 customers, ~3M orders
 *   node bench/backfill/generate.mjs --customers=100000     # a smaller store
 *   node bench/backfill/generate.mjs --keep-db              # keep the database when it has N customers
 *
 * Customers, addresses, groups: bench/grid's generator (generateCustomers),
 * the same rows as the grid bench's store. Then:
 *   products       50 products in 5 collections (5 without one), 5 categories
 *                  (10 products each, every 7th also in a second one, every
 *                  13th in none), 3 types; an EUR and a USD price each
 *   region, sales channel  "Europe" (eur), "United States" (usd), "Web"
 *   orders         per customer, the grid's order count (15% none, 25% one,
 *                  15% two, 45% 3-8: ~3.0 a customer), in eur and/or usd as
 *                  the grid's traits say, dated evenly between the grid's
 *                  first and last order dates; status completed (70%),
 *                  pending (25%) or archived (5%). Besides those: a canceled
 *                  order for ~4% of customers and a draft for ~2% (status
 *                  draft, is_draft_order): neither is counted by the facts.
 *   each order     1-3 line items (order_line_item with product_id and the
 *                  product's title, handle, type and collection; order_item
 *                  with the quantity 1-3 at version 1), ~5% of 2-3 line orders
 *                  with two lines of one product; a tax line per item (DE-VAT
 *                  19% on eur orders, US-TAX 7% on usd orders); a flat shipping
 *                  method (4.90 eur / 5.90 usd, untaxed) through order_shipping;
 *                  order_summary (version 1) whose `totals` hold what Medusa
 *                  stores for a placed, unpaid order (see the scratch order of
 *                  integration-tests/helpers/shop.ts's shop): current, original,
 *                  accounting total and pending difference = the order's total
 *                  (items + their tax + shipping), paid / refunded / transaction /
 *                  credit-line totals 0, each with its raw_ twin
 *                  ({ value, precision: 20 }). No addresses on orders.
 *   presence       customer_presence rows (kind customer) for the grid's
 *                  last_activity_at (~68% of customers): last_activity_date
 * Dates are cut to milliseconds (customer.created_at too), as Medusa writes
 * them from JS.
 *
 * Secondary indexes of the loaded tables are dropped during the load and
 * rebuilt from their own definitions, with FK triggers off
 * (session_replication_role), then VACUUM (ANALYZE). Each part is timed.
 * check.ts (medusa exec) then compares a sample of orders read through
 * Medusa's Query with what was written.
 */
import pg from "pg"
import { pathToFileURL } from "node:url"
import { parseArgs } from "../lib/cli.mjs"
import { benchKit } from "../lib/kit.mjs"
import { dropIndexes, generateCustomers, GENERATED_NOW, prepareSession, rebuildIndexes, step } from "../grid/generate.mjs"

export const DEFAULT_DB = "mcs_bench_backfill_sql"

/** Medusa's tables the generator writes (the secondary indexes of these are rebuilt after the load). */
const LOADED = [
  "customer", "customer_address", "customer_group_customer", "customer_presence",
  "order", "order_summary", "order_item", "order_line_item", "order_line_item_tax_line", "order_shipping", "order_shipping_method",
]
/** The plugin's facts projection: emptied (the backfill builds it). */
export const PROJECTION = ["customer_profile", "customer_purchase", "customer_order"]

const RATES = { eur: { code: "DE-VAT", name: "DE VAT", rate: 19, shipping: 4.9 }, usd: { code: "US-TAX", name: "US tax", rate: 7, shipping: 5.9 } }

/** A numeric as Medusa's BigNumber stores it raw: { value: "<text without trailing zeros>", precision: 20 }. */
const raw = (x) => `jsonb_build_object('value', trim_scale(${x})::text, 'precision', 20)`
const num = (x) => `to_jsonb(trim_scale(${x}))`

/** Fills the store with `size` customers and their orders (Medusa's tables are emptied first). */
export async function generate(client, size, log = console.log) {
  const started = Date.now()
  const parts = {}
  const part = async (name, fn) => {
    const t = Date.now()
    await fn()
    parts[name] = Math.round((Date.now() - t) / 100) / 10
    log(`${name}: ${parts[name]} s`)
  }
  log(`generating ${size.toLocaleString("en")} customers and their orders in SQL`)
  await prepareSession(client)
  let indexes
  await part("truncate and drop indexes", async () => {
    await client.query(
      `TRUNCATE ${LOADED.map((t) => `"${t}"`).join(", ")}, customer_group, product, product_collection, product_category,
         product_type, region, sales_channel, ${PROJECTION.join(", ")} CASCADE`
    )
    indexes = await dropIndexes(client, LOADED)
  })
  await client.query("SET session_replication_role = replica")

  await part("customers", async () => {
    await generateCustomers(client, size, log)
    // Medusa writes dates from JS (milliseconds): so do we, or the facts' dates would not compare.
    await step(
      client,
      log,
      "dates to milliseconds",
      `UPDATE bench_c SET created_at = date_trunc('milliseconds', created_at), first_order_at = date_trunc('milliseconds', first_order_at),
         last_order_at = date_trunc('milliseconds', last_order_at), last_activity_at = date_trunc('milliseconds', last_activity_at)`
    )
    await step(client, log, "dates to milliseconds", `UPDATE customer SET created_at = date_trunc('milliseconds', created_at), updated_at = date_trunc('milliseconds', updated_at)`)
  })
  await part("products, regions", () => catalog(client))
  await part("orders", () => orders(client, log))
  await part("presence", () =>
    step(
      client,
      log,
      "customer_presence",
      `INSERT INTO customer_presence (id, kind, subject_id, customer_id, first_seen_at, last_seen_at, created_at, updated_at)
       SELECT 'cpres_bench_' || lpad(i::text, 15, '0'), 'customer', id, id, created_at, last_activity_at, created_at, last_activity_at
       FROM bench_c WHERE last_activity_at IS NOT NULL ORDER BY i`
    )
  )
  await client.query("SET session_replication_role = origin")
  await client.query(`DROP TABLE bench_c, bench_p, bench_o, bench_li`)
  await part("indexes", () => rebuildIndexes(client, indexes, log))
  // VACUUM as well: the visibility map of a settled store (index-only scans), not of a fresh bulk load.
  await part("vacuum analyze", () =>
    step(client, log, "vacuum analyze", `VACUUM (ANALYZE) ${LOADED.map((t) => `"${t}"`).join(", ")}, customer_group, product, product_category_product, ${PROJECTION.join(", ")}`)
  )

  const { rows } = await client.query(
    `SELECT (SELECT count(*)::int FROM customer) AS customers,
       (SELECT count(*)::int FROM customer_address) AS addresses,
       (SELECT count(*)::int FROM customer_group_customer) AS group_memberships,
       (SELECT count(*)::int FROM customer_presence) AS presence,
       (SELECT count(*)::int FROM "order") AS orders,
       (SELECT json_object_agg(status, n) FROM (SELECT status, count(*)::int AS n FROM "order" GROUP BY 1) s) AS orders_by_status,
       (SELECT count(*)::int FROM order_line_item) AS line_items,
       (SELECT count(*)::int FROM (SELECT customer_id FROM "order" WHERE status NOT IN ('draft', 'canceled') GROUP BY 1) c) AS customers_with_orders,
       pg_size_pretty(pg_database_size(current_database())) AS database_size`
  )
  const seconds = Math.round((Date.now() - started) / 100) / 10
  log(`generated ${JSON.stringify(rows[0])} in ${seconds} s`)
  return { ...rows[0], parts, seconds }
}

/** 50 products with collections, categories and types; two regions and a sales channel. */
async function catalog(client) {
  await client.query(
    `INSERT INTO product_collection (id, title, handle, created_at, updated_at)
     SELECT 'pcol_bench_' || k, 'Bench collection ' || k, 'bench-collection-' || k, $1, $1 FROM generate_series(1, 5) k`,
    [GENERATED_NOW]
  )
  await client.query(
    `INSERT INTO product_category (id, name, handle, mpath, is_active, rank, created_at, updated_at)
     SELECT 'pcat_bench_' || k, 'Bench category ' || k, 'bench-category-' || k, 'pcat_bench_' || k, true, k - 1, $1, $1 FROM generate_series(1, 5) k`,
    [GENERATED_NOW]
  )
  await client.query(
    `INSERT INTO product_type (id, value, created_at, updated_at) SELECT 'ptyp_bench_' || k, 'bench-type-' || k, $1, $1 FROM generate_series(1, 3) k`,
    [GENERATED_NOW]
  )
  await client.query(`DROP TABLE IF EXISTS bench_p`)
  await client.query(
    `CREATE UNLOGGED TABLE bench_p AS
     SELECT p, 'prod_01BENCH' || lpad(p::text, 15, '0') AS id, 'Bench product ' || p AS title, 'bench-product-' || p AS handle,
       CASE WHEN p % 10 = 0 THEN NULL ELSE 'pcol_bench_' || (1 + p % 5) END AS collection_id,
       'ptyp_bench_' || (1 + p % 3) AS type_id,
       (4.99 + (p * 37) % 150)::numeric AS price_eur,
       round((4.99 + (p * 37) % 150) * 1.1, 2)::numeric AS price_usd
     FROM generate_series(1, 50) p`
  )
  await client.query(
    `INSERT INTO product (id, title, handle, subtitle, status, collection_id, type_id, created_at, updated_at)
     SELECT id, title, handle, 'One size', 'published', collection_id, type_id, $1, $1 FROM bench_p ORDER BY p`,
    [GENERATED_NOW]
  )
  await client.query(
    `INSERT INTO product_category_product (product_id, product_category_id)
     SELECT DISTINCT p.id, 'pcat_bench_' || c FROM bench_p p,
       LATERAL (VALUES (1 + (p.p - 1) / 10), (CASE WHEN p.p % 7 = 0 THEN 1 + p.p % 5 END)) AS x(c)
     WHERE x.c IS NOT NULL AND p.p % 13 <> 0`
  )
  await client.query(
    `INSERT INTO region (id, name, currency_code, automatic_taxes, created_at, updated_at)
     VALUES ('reg_bench_eu', 'Europe', 'eur', true, $1, $1), ('reg_bench_us', 'United States', 'usd', true, $1, $1)`,
    [GENERATED_NOW]
  )
  await client.query(`INSERT INTO sales_channel (id, name, created_at, updated_at) VALUES ('sc_bench_web', 'Web', $1, $1)`, [GENERATED_NOW])
}

/** The orders of bench_c's customers: bench_o (one row per order) and bench_li (per line), then Medusa's order tables. */
async function orders(client, log) {
  await client.query(`DROP TABLE IF EXISTS bench_o, bench_li`)
  // Counted orders k = 1..orders, then maybe a canceled one and a draft.
  await step(
    client,
    log,
    "orders (plan)",
    `CREATE UNLOGGED TABLE bench_o AS
     SELECT row_number() OVER (ORDER BY c.i, x.k)::int AS o, c.i, c.id AS customer_id,
       lower(c.first_name) || '.' || lower(c.last_name) || c.i || '@' || c.domain AS email, x.k, x.kind,
       CASE WHEN x.kind = 'counted' THEN CASE WHEN x.k <= c.eur_orders THEN 'eur' ELSE 'usd' END
            WHEN c.currencies = 'usd' THEN 'usd' ELSE 'eur' END AS currency,
       date_trunc('milliseconds', CASE
         WHEN x.kind <> 'counted' THEN c.created_at + ($1::timestamptz - c.created_at) * pg_temp.u(c.i, 42 + x.k - c.orders)
         WHEN c.orders = 1 THEN c.first_order_at
         ELSE c.first_order_at + (c.last_order_at - c.first_order_at) * ((x.k - 1)::float8 / (c.orders - 1)) END) AS placed_at
     FROM bench_c c, LATERAL (
       SELECT k, 'counted' AS kind FROM generate_series(1, c.orders) k
       UNION ALL SELECT c.orders + 1, 'canceled' WHERE pg_temp.u(c.i, 40) < 0.04
       UNION ALL SELECT c.orders + 2, 'draft' WHERE pg_temp.u(c.i, 41) < 0.02
     ) x`,
    [GENERATED_NOW]
  )
  await step(
    client,
    log,
    "orders (traits)",
    `ALTER TABLE bench_o ADD COLUMN order_id text, ADD COLUMN status text, ADD COLUMN lines int, ADD COLUMN p1 int, ADD COLUMN repeat boolean`
  )
  await step(
    client,
    log,
    "orders (traits)",
    `UPDATE bench_o SET
       order_id = 'order_01BENCH' || lpad(o::text, 15, '0'),
       status = CASE kind WHEN 'canceled' THEN 'canceled' WHEN 'draft' THEN 'draft'
                  ELSE CASE WHEN pg_temp.u(o, 48) < 0.70 THEN 'completed' WHEN pg_temp.u(o, 48) < 0.95 THEN 'pending' ELSE 'archived' END END,
       lines = 1 + floor(pg_temp.u(o, 49) * 3)::int,
       p1 = 1 + floor(50 * power(pg_temp.u(o, 50), 1.6))::int,
       repeat = pg_temp.u(o, 51) < 0.05`
  )
  // Line n: product p1 for n = 1 (and for n = 2 of a "repeat" order), else p1 shifted by 17 per line (distinct).
  await step(
    client,
    log,
    "line items (plan)",
    `CREATE UNLOGGED TABLE bench_li AS
     SELECT o.o, n, o.order_id, o.placed_at, o.currency, p.id AS product_id, p.title, p.handle, p.collection_id, p.type_id,
       CASE o.currency WHEN 'eur' THEN p.price_eur ELSE p.price_usd END AS unit_price,
       CASE WHEN pg_temp.u(o.o * 4 + n, 56) < 0.7 THEN 1 WHEN pg_temp.u(o.o * 4 + n, 56) < 0.9 THEN 2 ELSE 3 END AS quantity,
       'ordli_01BENCH' || lpad(o.o::text, 15, '0') || '_' || n AS item_id
     FROM bench_o o, LATERAL generate_series(1, o.lines) n,
       LATERAL (SELECT CASE WHEN n = 1 OR (n = 2 AND o.repeat) THEN o.p1 ELSE 1 + (o.p1 - 1 + 17 * (n - 1)) % 50 END AS p) pick
       JOIN bench_p p ON p.p = pick.p`
  )
  const lit = (v) => (typeof v === "string" ? `'${v}'` : String(v))
  const rate = (currency, key) => `CASE ${currency} WHEN 'eur' THEN ${lit(RATES.eur[key])} ELSE ${lit(RATES.usd[key])} END`
  await step(
    client,
    log,
    "order",
    `INSERT INTO "order" (id, region_id, display_id, customer_id, version, sales_channel_id, status, is_draft_order, email, currency_code,
       no_notification, created_at, updated_at, canceled_at)
     SELECT order_id, CASE currency WHEN 'eur' THEN 'reg_bench_eu' ELSE 'reg_bench_us' END, o, customer_id, 1, 'sc_bench_web',
       status::order_status_enum, status = 'draft', email, currency, false, placed_at,
       CASE WHEN status = 'canceled' THEN placed_at + interval '1 day' ELSE placed_at END,
       CASE WHEN status = 'canceled' THEN placed_at + interval '1 day' END
     FROM bench_o ORDER BY o`
  )
  await client.query(`SELECT setval('order_display_id_seq', (SELECT max(o) FROM bench_o))`)
  await step(
    client,
    log,
    "order_line_item",
    `INSERT INTO order_line_item (id, title, subtitle, product_id, product_title, product_handle, product_type, product_collection,
       product_type_id, variant_title, requires_shipping, is_discountable, is_tax_inclusive, unit_price, raw_unit_price, metadata,
       created_at, updated_at)
     SELECT li.item_id, li.title, 'One size', li.product_id, li.title, li.handle, t.value, c.title, li.type_id, 'One size', true, true, false,
       li.unit_price, ${raw("li.unit_price")}, '{}', li.placed_at, li.placed_at
     FROM bench_li li LEFT JOIN product_type t ON t.id = li.type_id LEFT JOIN product_collection c ON c.id = li.collection_id
     ORDER BY li.o, li.n`
  )
  await step(
    client,
    log,
    "order_item",
    `INSERT INTO order_item (id, order_id, version, item_id, quantity, raw_quantity, fulfilled_quantity, shipped_quantity,
       return_requested_quantity, return_received_quantity, return_dismissed_quantity, written_off_quantity, metadata, created_at, updated_at)
     SELECT 'orditem_01BENCH' || lpad(o::text, 15, '0') || '_' || n, order_id, 1, item_id, quantity, ${raw("quantity::numeric")},
       0, 0, 0, 0, 0, 0, '{}', placed_at, placed_at
     FROM bench_li ORDER BY o, n`
  )
  await step(
    client,
    log,
    "order_line_item_tax_line",
    `INSERT INTO order_line_item_tax_line (id, description, code, rate, raw_rate, provider_id, item_id, created_at, updated_at)
     SELECT 'ordlitxl_01BENCH' || lpad(o::text, 15, '0') || '_' || n, ${rate("currency", "name")}, ${rate("currency", "code")}, ${rate("currency", "rate")}, ${raw(rate("currency", "rate") + "::numeric")},
       'system', item_id, placed_at, placed_at
     FROM bench_li ORDER BY o, n`
  )
  await step(
    client,
    log,
    "order_shipping_method",
    `INSERT INTO order_shipping_method (id, name, amount, raw_amount, is_tax_inclusive, data, created_at, updated_at)
     SELECT 'ordsm_01BENCH' || lpad(o::text, 15, '0'), 'Standard', ${rate("currency", "shipping")}, ${raw(rate("currency", "shipping") + "::numeric")},
       false, '{}', placed_at, placed_at
     FROM bench_o ORDER BY o`
  )
  await step(
    client,
    log,
    "order_shipping",
    `INSERT INTO order_shipping (id, order_id, version, shipping_method_id, created_at, updated_at)
     SELECT 'ordspmv_01BENCH' || lpad(o::text, 15, '0'), order_id, 1, 'ordsm_01BENCH' || lpad(o::text, 15, '0'), placed_at, placed_at
     FROM bench_o ORDER BY o`
  )
  // The order's total as Medusa computes it: items (unit price × quantity) plus their tax, plus the untaxed shipping.
  await step(
    client,
    log,
    "order_summary",
    `INSERT INTO order_summary (id, order_id, version, totals, created_at, updated_at)
     SELECT 'ordsum_01BENCH' || lpad(o.o::text, 15, '0'), o.order_id, 1,
       jsonb_build_object(
         'paid_total', 0, 'raw_paid_total', ${raw("0::numeric")},
         'refunded_total', 0, 'raw_refunded_total', ${raw("0::numeric")},
         'transaction_total', 0, 'raw_transaction_total', ${raw("0::numeric")},
         'credit_line_total', 0, 'raw_credit_line_total', ${raw("0::numeric")},
         'accounting_total', ${num("t.total")}, 'raw_accounting_total', ${raw("t.total")},
         'pending_difference', ${num("t.total")}, 'raw_pending_difference', ${raw("t.total")},
         'current_order_total', ${num("t.total")}, 'raw_current_order_total', ${raw("t.total")},
         'original_order_total', ${num("t.total")}, 'raw_original_order_total', ${raw("t.total")}),
       o.placed_at, o.placed_at
     FROM bench_o o
     JOIN (SELECT li.o, sum(li.unit_price * li.quantity) * (1 + ${rate("min(li.currency)", "rate")} / 100.0)
             + ${rate("min(li.currency)", "shipping")} AS total
           FROM bench_li li GROUP BY li.o) t ON t.o = o.o
     ORDER BY o.o`
  )
}

/**
 * The bench database: created (dropped first unless `keep`), migrated with
 * `medusa db:migrate`, and generated unless it already holds `size` generated
 * customers; then check.ts compares a sample of orders read through Query
 * with the rows written. Answers the generation's figures (kept in bench_backfill_meta).
 */
export async function prepareStore({ kit, server, db, size, keep, checkSample = 300 }) {
  const exists = (await kit.sql("postgres", `SELECT 1 FROM pg_database WHERE datname = '${db}'`)).length > 0
  if (!keep || !exists) {
    await kit.sql("postgres", `DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`)
    await kit.sql("postgres", `CREATE DATABASE "${db}"`)
  }
  const env = { DATABASE_URL: `${server}/${db}`, MEDUSA_DISABLE_TELEMETRY: "true" }
  const migrateStarted = Date.now()
  await kit.run(kit.medusa, ["db:migrate"], { env })
  const migrateSeconds = Math.round((Date.now() - migrateStarted) / 100) / 10
  await kit.sql(db, `CREATE TABLE IF NOT EXISTS bench_backfill_meta (customers int NOT NULL, generated jsonb NOT NULL)`)
  const [meta] = await kit.sql(db, `SELECT customers, generated FROM bench_backfill_meta`)
  if (meta?.customers === size) {
    kit.log(`keeping ${size.toLocaleString("en")} generated customers (${meta.generated.orders.toLocaleString("en")} orders)`)
    return meta.generated
  }
  const client = new pg.Client({ connectionString: `${server}/${db}` })
  await client.connect()
  let generated
  try {
    await client.query(`DELETE FROM bench_backfill_meta`)
    generated = { migrate_seconds: migrateSeconds, ...(await generate(client, size, kit.log)) }
  } finally {
    await client.end()
  }
  const checkStarted = Date.now()
  const output = await kit.run("npx", ["medusa", "exec", "./bench/backfill/check.ts", `sample=${checkSample}`], { env: { ...env, LOG_LEVEL: "error" } })
  const line = output.split("\n").find((l) => l.startsWith("[check] result "))
  if (!line) throw new Error(`check.ts printed no result:\n${output.slice(-3000)}`)
  generated.check = { ...JSON.parse(line.slice("[check] result ".length)), seconds: Math.round((Date.now() - checkStarted) / 100) / 10 }
  kit.log(`Query check: ${JSON.stringify(generated.check)}`)
  if (generated.check.mismatches > 0) throw new Error(`Query reads ${generated.check.mismatches} of the sampled orders differently from what was generated`)
  await kit.sql(db, `INSERT INTO bench_backfill_meta VALUES (${size}, '${JSON.stringify(generated).replace(/'/g, "''")}')`)
  return generated
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { argv, opt } = parseArgs()
  const server = opt("pg", "postgres://postgres@localhost:5432")
  const kit = benchKit({ tag: "backfill", server })
  prepareStore({
    kit,
    server,
    db: opt("db", DEFAULT_DB),
    size: Number(opt("customers", 1_000_000)),
    keep: argv["keep-db"] === "true",
    checkSample: Number(opt("check-sample", 300)),
  })
    .then((generated) => console.log(JSON.stringify(generated, null, 2)))
    .catch((error) => {
      console.error(error)
      process.exit(1)
    })
}
