/**
 * Cart benchmark (figures, not a test): add-to-cart and cart tax calculation
 * through the store API, on the same store with the plugin and without it,
 * side by side in one run.
 *
 *   npm run bench:cart -- --iterations=200 --warmup=30
 *
 * 1. Recreates the database mcs_bench_cart, migrates it and builds the store
 *    with bench/cart/setup.ts (tax classes, a group pricing rule, customers).
 * 2. Copies it to mcs_bench_cart_base and removes what the plugin put in Medusa's
 *    own tables there: the tax regions go back to the system provider and the
 *    rule's price list is deleted.
 * 3. Starts two servers on the same node_modules: the repository's app (with the
 *    plugin) on the first database, bench/cart/baseline (no plugin) on the copy.
 * 4. For each customer (retail; wholesale: exempt, group prices) and each
 *    iteration, on both servers in alternation: create a cart, add two lines
 *    (timed: add-to-cart), then POST /store/carts/:id/taxes (timed: taxes).
 * 5. Prints medians, p95 and the ratio of medians (plugin / baseline); JSON
 *    goes to bench/results/.
 *
 * Part "assistance" (--parts=assistance, or cart,assistance): store requests with
 * the login-as-customer guard versus without it — GET /store/customers/me with an
 * ordinary customer token and with an assistance token (from an admin-started
 * session, exchanged on the plugin server; the baseline sees it as an ordinary
 * token), and add-to-cart with the assistance token (logged by the plugin).
 *
 * Options (defaults): --parts=cart --iterations=200 --warmup=30 --pg=postgres://postgres@localhost:5432
 * --keep-db (reuse both databases when they exist) --cache-ttl=<ms> (the plugin server's
 * CUSTOMER_SUITE_TAX_CACHE_TTL_MS; 0 measures the tax hooks without their memo)
 */
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import jwt from "jsonwebtoken"
import { parseArgs, root } from "../lib/cli.mjs"
import { benchKit, median, p95 } from "../lib/kit.mjs"

const { argv, opt } = parseArgs()
const server = opt("pg", "postgres://postgres@localhost:5432")
const iterations = Number(opt("iterations", 200))
const warmup = Number(opt("warmup", 30))
const DB = "mcs_bench_cart"
const BASE_DB = "mcs_bench_cart_base"
const setupFile = path.join(os.tmpdir(), "mcs-bench-cart-setup.json")
const kit = benchKit({ tag: "cart", server })
const { log, run, sql, call, freePort, waitHealthy, medusa } = kit
const start = (name, cwd, database, port, env = {}) => kit.start({ name, cwd, database, port, env })

async function main() {
  const keep = argv["keep-db"] === "true"
  const exists = async (name) => (await sql("postgres", `SELECT 1 FROM pg_database WHERE datname = '${name}'`)).length > 0
  if (!keep || !(await exists(DB)) || !(await exists(BASE_DB)) || !fs.existsSync(setupFile)) {
    await sql("postgres", `DROP DATABASE IF EXISTS "${DB}" WITH (FORCE)`)
    await sql("postgres", `DROP DATABASE IF EXISTS "${BASE_DB}" WITH (FORCE)`)
    await sql("postgres", `CREATE DATABASE "${DB}"`)
    const env = { DATABASE_URL: `${server}/${DB}`, BENCH_CART_OUT: setupFile, MEDUSA_DISABLE_TELEMETRY: "true" }
    await run(medusa, ["db:migrate"], { env })
    await run(medusa, ["exec", "./bench/cart/setup.ts"], { env })
    await sql("postgres", `CREATE DATABASE "${BASE_DB}" TEMPLATE "${DB}"`)
    // Without the plugin: Medusa's own tax provider, and no price list from a rule.
    await sql(BASE_DB, `UPDATE tax_region SET provider_id = 'tp_system' WHERE provider_id LIKE 'tp_tax-class%'`)
    await sql(BASE_DB, `UPDATE price_list SET deleted_at = now() WHERE metadata->>'managed_by' = 'medusa-customer-suite'`)
    await sql(BASE_DB, `UPDATE price SET deleted_at = now() WHERE price_list_id IN (SELECT id FROM price_list WHERE deleted_at IS NOT NULL)`)
  }
  const shop = JSON.parse(fs.readFileSync(setupFile, "utf8"))

  const apps = [
    start("plugin", root, DB, await freePort(), argv["cache-ttl"] !== undefined ? { CUSTOMER_SUITE_TAX_CACHE_TTL_MS: argv["cache-ttl"] } : {}),
    start("baseline", path.join(root, "bench/cart/baseline"), BASE_DB, await freePort()),
  ]
  const stopAll = () => apps.forEach((a) => a.stop())
  process.on("exit", stopAll)
  process.on("SIGINT", () => process.exit(130))
  try {
    await Promise.all(apps.map((a) => waitHealthy(a)))
    log(`servers up: ${apps.map((a) => `${a.name} ${a.base}`).join(", ")}`)
    const personas = ["retail@bench.test", "trade@bench.test"]
    const tokens = {}
    for (const app of apps) {
      for (const email of personas) {
        const { data } = await call(app, "POST", "/auth/customer/emailpass", { email, password: shop.password })
        tokens[`${app.name}|${email}`] = data.token
      }
    }
    const variants = shop.products.map((p) => p.variantId)
    const address = { first_name: "Bench", last_name: "Buyer", address_1: "Hauptstr. 1", city: "Berlin", postal_code: "10115", country_code: "de" }
    const samples = {}
    const record = (key, ms) => (samples[key] ??= []).push(ms)
    const checks = {}
    const parts = opt("parts", "cart").split(",")
    const rows = []
    const fmt = (x) => x.toFixed(1)
    const table = (title, keys) => {
      console.log(`\n${title}\n\n| case | n | plugin median ms | baseline median ms | ratio | plugin p95 | baseline p95 |`)
      console.log("| --- | --- | --- | --- | --- | --- | --- |")
      for (const key of keys) {
        const a = samples[`plugin|${key}`]
        const b = samples[`baseline|${key}`]
        const row = { case: key, n: a.length, plugin_median: median(a), baseline_median: median(b), ratio: median(a) / median(b), plugin_p95: p95(a), baseline_p95: p95(b) }
        rows.push(row)
        console.log(`| ${key} | ${row.n} | ${fmt(row.plugin_median)} | ${fmt(row.baseline_median)} | ${row.ratio.toFixed(3)} | ${fmt(row.plugin_p95)} | ${fmt(row.baseline_p95)} |`)
      }
    }

    if (parts.includes("cart")) {
      const once = async (app, email, i, measure) => {
        const headers = { authorization: `Bearer ${tokens[`${app.name}|${email}`]}`, "x-publishable-api-key": shop.publishableKey }
        const { data } = await call(app, "POST", "/store/carts", { region_id: shop.regionId, sales_channel_id: shop.salesChannelId, shipping_address: address }, headers)
        const cartId = data.cart.id
        let cart
        for (const k of [0, 1]) {
          const added = await call(app, "POST", `/store/carts/${cartId}/line-items`, { variant_id: variants[(i * 2 + k) % variants.length], quantity: 1 }, headers)
          if (measure) record(`${app.name}|${email.split("@")[0]} add-to-cart`, added.ms)
          cart = added.data.cart
        }
        const taxed = await call(app, "POST", `/store/carts/${cartId}/taxes`, {}, headers)
        if (measure) record(`${app.name}|${email.split("@")[0]} taxes`, taxed.ms)
        cart = taxed.data.cart
        checks[`${app.name}|${email}`] = { tax_total: cart.tax_total, item_total: cart.item_total, lines: cart.items.map((it) => [it.unit_price, it.tax_lines?.map((t) => t.code)]) }
      }
      for (let i = 0; i < warmup + iterations; i++) {
        // Alternate which server goes first, so drift and caches hit both alike.
        const order = i % 2 ? [apps[1], apps[0]] : apps
        for (const email of personas) {
          for (const app of order) await once(app, email, i, i >= warmup)
        }
        if ((i + 1) % 50 === 0) log(`cart ${i + 1}/${warmup + iterations}`)
      }
      table("Cart (issue 5)", ["retail add-to-cart", "retail taxes", "trade add-to-cart", "trade taxes"])
      console.log("\nLast cart of each (tax_total, item_total, per line: unit price and tax codes):")
      for (const [key, value] of Object.entries(checks)) console.log(`  ${key}: ${JSON.stringify(value)}`)
    }

    if (parts.includes("assistance")) {
      // An admin of the plugin server starts a session for retail@bench.test; the code is exchanged there.
      const adminToken = jwt.sign(
        { actor_id: shop.admin.user_id, actor_type: "user", auth_identity_id: shop.admin.auth_identity_id, app_metadata: { user_id: shop.admin.user_id } },
        process.env.JWT_SECRET ?? "supersecret",
        { expiresIn: "1h" }
      )
      const plugin = apps[0]
      const { data: started } = await call(plugin, "POST", `/admin/customers/${shop.customers["retail@bench.test"]}/assistance-sessions`, { reason: "benchmark" }, { authorization: `Bearer ${adminToken}` })
      const { data: exchanged } = await call(plugin, "POST", "/store/assistance-sessions/exchange", { code: started.code }, { "x-publishable-api-key": shop.publishableKey })
      const assisted = { authorization: `Bearer ${exchanged.token}`, "x-publishable-api-key": shop.publishableKey }
      const carts = {}
      for (const app of apps) {
        carts[app.name] = (await call(app, "POST", "/store/carts", { region_id: shop.regionId, sales_channel_id: shop.salesChannelId, shipping_address: address }, assisted)).data.cart.id
      }
      for (let i = 0; i < warmup + iterations; i++) {
        const order = i % 2 ? [apps[1], apps[0]] : apps
        const measure = i >= warmup
        for (const app of order) {
          const ordinary = { authorization: `Bearer ${tokens[`${app.name}|retail@bench.test`]}`, "x-publishable-api-key": shop.publishableKey }
          const a = await call(app, "GET", "/store/customers/me", undefined, ordinary)
          const b = await call(app, "GET", "/store/customers/me", undefined, assisted)
          const c = await call(app, "POST", `/store/carts/${carts[app.name]}/line-items`, { variant_id: variants[i % variants.length], quantity: 1 }, assisted)
          if (measure) {
            record(`${app.name}|ordinary token: GET /store/customers/me`, a.ms)
            record(`${app.name}|assistance token: GET /store/customers/me`, b.ms)
            record(`${app.name}|assistance token: add-to-cart (logged)`, c.ms)
          }
        }
        if ((i + 1) % 50 === 0) log(`assistance ${i + 1}/${warmup + iterations}`)
      }
      table("Login-as-customer guard (issue 6)", [
        "ordinary token: GET /store/customers/me",
        "assistance token: GET /store/customers/me",
        "assistance token: add-to-cart (logged)",
      ])
    }

    kit.writeResults({ parts: opt("parts", "cart"), iterations, warmup, cache_ttl_ms: argv["cache-ttl"] ?? "default", rows, checks })
  } finally {
    stopAll()
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
