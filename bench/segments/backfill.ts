/**
 * Backfill throughput from Medusa's own tables, run inside the app by run.mjs
 * in its own database (the projection is rebuilt from scratch):
 *
 *   npx medusa exec ./bench/segments/backfill.ts phase=generate customers=20000
 *   npx medusa exec ./bench/segments/backfill.ts phase=backfill batches=500,2000 out=bench/results/backfill.json
 *
 * generate  Customers (chunks of 1,000, each with an address; ~40% in one of
 *           5 groups), 50 products in 5 collections / 5 categories / 3 types,
 *           and ~3 orders per customer (0-8, 1-3 items each) through the
 *           customer, product and order modules. Module events are held in an
 *           event group and dropped, so no subscriber syncs facts meanwhile.
 * backfill  For each batch size: empty the projection, run
 *           a backfill run to its end (backfillNow) and report customers/s and orders/s.
 */
import fs from "node:fs"
import path from "node:path"
import pg from "pg"
import type { ExecArgs, IEventBusModuleService } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { backfillNow } from "../../src/workflows/customer-segments/utils/backfill-runner"

const CHUNK = 1000
const EVENT_GROUP = "bench-backfill-generate"
const COUNTRIES = ["de", "de", "de", "us", "us", "fr", "gb", "nl", "it", "es", "at", "be", "pl"]
const log = (line: string) => console.log(`[bench] ${line}`)

/** A small deterministic PRNG (mulberry32), so every run plans the same data. */
function prng(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function ordersFor(r: number, random: () => number) {
  return r < 0.15 ? 0 : r < 0.4 ? 1 : r < 0.55 ? 2 : 3 + Math.floor(random() * 6)
}

async function generate({ container }: ExecArgs, total: number) {
  const customerModule = container.resolve(Modules.CUSTOMER)
  const productModule = container.resolve(Modules.PRODUCT)
  const orderModule = container.resolve(Modules.ORDER)
  const eventBus = container.resolve<IEventBusModuleService>(Modules.EVENT_BUS)
  const context = { eventGroupId: EVENT_GROUP }
  const random = prng(7)
  const started = Date.now()

  const collections = await productModule.createProductCollections(
    [0, 1, 2, 3, 4].map((i) => ({ title: `Bench collection ${i}`, handle: `bench-collection-${i}` })),
    context
  )
  const categories = await productModule.createProductCategories(
    [0, 1, 2, 3, 4].map((i) => ({ name: `Bench category ${i}`, handle: `bench-category-${i}`, is_active: true })),
    context
  )
  const types = await productModule.createProductTypes([0, 1, 2].map((i) => ({ value: `bench-type-${i}` })), context)
  const products = await productModule.createProducts(
    Array.from({ length: 50 }, (_, k) => ({
      title: `Bench product ${k + 1}`,
      handle: `bench-product-${k + 1}`,
      collection_id: collections[(k + 1) % 5].id,
      category_ids: [categories[Math.floor(k / 10)].id],
      type_id: types[(k + 1) % 3].id,
    })),
    context
  )
  const groups = await customerModule.createCustomerGroups(
    ["vip", "wholesale", "retail", "staff", "press"].map((name) => ({ name: `bench ${name}` })),
    context
  )

  let customers = 0
  let orders = 0
  let customerMs = 0
  let orderMs = 0
  for (let offset = 0; offset < total; offset += CHUNK) {
    const size = Math.min(CHUNK, total - offset)
    const t0 = Date.now()
    const created = await customerModule.createCustomers(
      Array.from({ length: size }, (_, j) => {
        const i = offset + j + 1
        const country = COUNTRIES[Math.floor(random() * COUNTRIES.length)]
        return {
          email: `bench${i}@${["gmail.com", "outlook.com", "example.com", "web.de"][i % 4]}`,
          first_name: `First${i % 97}`,
          last_name: `Last${i % 89}`,
          has_account: random() < 0.85,
          addresses: [{ address_1: `${i} Bench street`, city: `City ${i % 7}`, province: `prov_${country}`, country_code: country, postal_code: "10115" }],
        }
      }),
      context
    )
    const pairs = created
      .map((c) => ({ customer_id: c.id, r: random() }))
      .filter((x) => x.r < 0.4)
      .map((x) => ({ customer_id: x.customer_id, customer_group_id: groups[Math.floor(x.r * 12.5)].id }))
    if (pairs.length) {
      await customerModule.addCustomerToGroup(pairs, context)
    }
    customerMs += Date.now() - t0

    const t1 = Date.now()
    const batch = created.flatMap((c) => {
      const n = ordersFor(random(), random)
      const currency = random() < 0.65 ? "eur" : "usd"
      return Array.from({ length: n }, () => {
        const items = 1 + Math.floor(random() * 3)
        const first = Math.floor(50 * Math.pow(random(), 1.6))
        return {
          customer_id: c.id,
          email: c.email ?? undefined,
          currency_code: currency,
          status: "pending",
          items: Array.from({ length: items }, (_, k) => {
            const product = products[(first + 17 * k) % 50]
            return {
              title: product.title,
              product_id: product.id,
              product_title: product.title,
              quantity: random() < 0.7 ? 1 : 2,
              unit_price: Math.round((10 + 150 * Math.pow(random(), 2)) * 100) / 100,
            }
          }),
        }
      })
    })
    for (let i = 0; i < batch.length; i += 500) {
      await orderModule.createOrders(batch.slice(i, i + 500), context)
    }
    orderMs += Date.now() - t1
    customers += created.length
    orders += batch.length
    if ((offset / CHUNK) % 5 === 4 || customers === total) {
      log(`  ${customers} customers (${(customers / (customerMs / 1000)).toFixed(0)}/s), ${orders} orders (${(orders / (orderMs / 1000)).toFixed(0)}/s)`)
    }
  }
  await eventBus.clearGroupedEvents(EVENT_GROUP)
  const seconds = (Date.now() - started) / 1000
  log(`generated ${customers} customers and ${orders} orders through the modules in ${seconds.toFixed(0)} s`)
  return { customers, orders, seconds, customers_per_s: customers / (customerMs / 1000), orders_per_s: orders / (orderMs / 1000) }
}

export default async function benchBackfill(exec: ExecArgs) {
  const map = new Map((exec.args ?? []).map((a) => a.split("=") as [string, string]))
  const phase = map.get("phase") ?? "backfill"
  const out = path.resolve(map.get("out") ?? "bench/results/backfill.json")
  const config = exec.container.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  const db = new pg.Client({ connectionString: config.projectConfig.databaseUrl })
  await db.connect()
  try {
    if (phase === "generate") {
      const generated = await generate(exec, Number(map.get("customers") ?? 20000))
      await db.query("CREATE TABLE IF NOT EXISTS bench_backfill_generated (customers int, orders int, seconds float8, detail jsonb)")
      await db.query("TRUNCATE bench_backfill_generated")
      await db.query("INSERT INTO bench_backfill_generated VALUES ($1, $2, $3, $4)", [
        generated.customers,
        generated.orders,
        generated.seconds,
        JSON.stringify(generated),
      ])
      await db.query('VACUUM ANALYZE customer, customer_address, "order", order_item, order_line_item, product')
      return
    }
    const { rows: [generated] } = await db.query("SELECT detail FROM bench_backfill_generated")
    const runs = []
    for (const batch of (map.get("batches") ?? "500").split(",").map(Number)) {
      await db.query("TRUNCATE customer_profile, customer_purchase, customer_order, customer_segment_membership, customer_segment, customer_segment_refresh_run, customer_facts_backfill")
      await db.query("CHECKPOINT")
      const started = Date.now()
      const ended = await backfillNow(exec.container, { batch_size: batch })
      const wall = Date.now() - started
      const result = { customers: ended.customers_done, orders: ended.orders_done, batches: ended.batches_done, duration_ms: ended.running_ms }
      const { rows: [projection] } = await db.query(
        "SELECT (SELECT count(*)::int FROM customer_profile) AS profiles, (SELECT count(*)::int FROM customer_purchase) AS purchases"
      )
      const run = {
        batch_size: batch,
        customers: result.customers,
        orders: result.orders,
        batches: result.batches,
        duration_ms: result.duration_ms,
        wall_ms: wall,
        customers_per_s: result.customers / (wall / 1000),
        orders_per_s: result.orders / (wall / 1000),
        ...projection,
      }
      log(`backfill batch ${batch}: ${JSON.stringify(run)}`)
      runs.push(run)
    }
    fs.mkdirSync(path.dirname(out), { recursive: true })
    fs.writeFileSync(out, JSON.stringify({ generated: generated?.detail ?? null, runs, finished_at: new Date().toISOString() }, null, 2))
    log(`wrote ${out}`)
  } finally {
    await db.end()
  }
}
