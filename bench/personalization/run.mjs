/**
 * Personalization benchmark (figures, not a test): resolving content blocks
 * through GET /store/content-blocks against a trivial core store route
 * (GET /store/regions), on one server, in one run.
 *
 *   npm run bench:personalization -- --iterations=300 --warmup=50
 *
 * 1. Recreates the database mcs_bench_personalization, migrates it and builds
 *    the store with bench/personalization/setup.ts: 50 segments, 200 blocks
 *    over 10 placements, a registered customer and a guest cart.
 * 2. Starts `medusa start` on it (the repository's app, NODE_ENV=production).
 * 3. Each iteration, in rotating order: GET /store/regions (the baseline) and
 *    GET /store/content-blocks?placement=home-hero as an anonymous guest, as a
 *    guest with their cart, and as the logged-in customer (every case on the
 *    same placement of 20 blocks, 16 of them targeted).
 * 4. Prints medians, p95 and each case's ratio to the baseline's median; JSON
 *    goes to bench/results/.
 *
 * Options (defaults): --iterations=300 --warmup=50 --pg=postgres://postgres@localhost:5432 --keep-db
 */
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { parseArgs } from "../lib/cli.mjs"
import { benchKit, median, p95 } from "../lib/kit.mjs"

const { argv, opt } = parseArgs()
const server = opt("pg", "postgres://postgres@localhost:5432")
const iterations = Number(opt("iterations", 300))
const warmup = Number(opt("warmup", 50))
const DB = "mcs_bench_personalization"
const setupFile = path.join(os.tmpdir(), "mcs-bench-personalization-setup.json")
const kit = benchKit({ tag: "personalization", server })
const { log, call, sql } = kit

async function main() {
  const keep = argv["keep-db"] === "true"
  const exists = (await sql("postgres", `SELECT 1 FROM pg_database WHERE datname = '${DB}'`)).length > 0
  if (!keep || !exists || !fs.existsSync(setupFile)) {
    await sql("postgres", `DROP DATABASE IF EXISTS "${DB}" WITH (FORCE)`)
    await sql("postgres", `CREATE DATABASE "${DB}"`)
    const env = { DATABASE_URL: `${server}/${DB}`, BENCH_PERSONALIZATION_OUT: setupFile, MEDUSA_DISABLE_TELEMETRY: "true" }
    await kit.run(kit.medusa, ["db:migrate"], { env })
    await kit.run(kit.medusa, ["exec", "./bench/personalization/setup.ts"], { env })
    await sql(DB, "ANALYZE")
  }
  const shop = JSON.parse(fs.readFileSync(setupFile, "utf8"))
  log(`store: ${shop.segments} segments, ${shop.blocks} blocks; the customer is in ${shop.customer_segments} segments`)

  const app = kit.start({ database: DB, port: await kit.freePort() })
  process.on("exit", () => app.stop())
  process.on("SIGINT", () => process.exit(130))
  try {
    await kit.waitHealthy(app)
    log(`server up: ${app.base}`)
    const { data: login } = await call(app, "POST", "/auth/customer/emailpass", { email: shop.email, password: shop.password })
    const guest = { "x-publishable-api-key": shop.publishableKey }
    const customer = { ...guest, authorization: `Bearer ${login.token}` }
    const cases = [
      ["GET /store/regions (baseline)", "/store/regions", guest],
      ["content blocks: anonymous guest", "/store/content-blocks?placement=home-hero", guest],
      ["content blocks: guest with cart", `/store/content-blocks?placement=home-hero&cart_id=${shop.cart_id}`, guest],
      ["content blocks: customer", "/store/content-blocks?placement=home-hero", customer],
    ]
    const samples = Object.fromEntries(cases.map(([name]) => [name, []]))
    const answers = {}
    for (let i = 0; i < warmup + iterations; i++) {
      // Rotate the order so drift and caches hit every case alike.
      for (let k = 0; k < cases.length; k++) {
        const [name, url, headers] = cases[(i + k) % cases.length]
        const { ms, data } = await call(app, "GET", url, undefined, headers)
        if (i >= warmup) samples[name].push(ms)
        answers[name] = data.content_blocks?.length ?? data.regions?.length
      }
      if ((i + 1) % 100 === 0) log(`${i + 1}/${warmup + iterations}`)
    }
    const base = median(samples[cases[0][0]])
    const rows = cases.map(([name]) => ({
      case: name,
      n: samples[name].length,
      median_ms: median(samples[name]),
      p95_ms: p95(samples[name]),
      ratio_to_baseline: median(samples[name]) / base,
      answered: answers[name],
    }))
    console.log("\n| case | n | median ms | p95 ms | ratio of medians | rows answered |")
    console.log("| --- | --- | --- | --- | --- | --- |")
    for (const r of rows) {
      console.log(`| ${r.case} | ${r.n} | ${r.median_ms.toFixed(2)} | ${r.p95_ms.toFixed(2)} | ${r.ratio_to_baseline.toFixed(3)} | ${r.answered} |`)
    }
    kit.writeResults({ iterations, warmup, store: shop, rows })
  } finally {
    app.stop()
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
