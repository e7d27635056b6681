/**
 * Account-security benchmark (figures, not a test), issue 15's two goals:
 *
 *   npm run bench:activity -- --rounds=30 --round-ms=1000 --concurrency=8 --sign-ins=100
 *
 * 1. Recreates the database mcs_bench_activity, migrates it and builds the
 *    store with bench/activity/setup.ts (one customer, one guest cart).
 * 2. Starts two `medusa start` servers of the repository's app on that one
 *    database: "activity" (the plugin as shipped: presence, the revocation
 *    check in the guard, sign-in throttling) and "baseline"
 *    (CUSTOMER_SUITE_ACTIVITY=false: none of them).
 * 3. Throughput: rounds alternate which server goes first; in each, for
 *    `round-ms`, `concurrency` clients send a mix of store requests (the
 *    customer's GET /store/customers/me, the guest's GET /store/carts/:id,
 *    GET /store/regions) and the requests finished per second are counted.
 *    Goal: median(activity) / median(baseline) ≥ 0.95.
 * 4. Sign-in: `sign-ins` correct sign-ins (POST /auth/customer/emailpass)
 *    alternating between the servers. Goal: ratio of medians ≤ 1.1.
 *
 * Options (defaults): --rounds=30 --round-ms=1000 --concurrency=8
 * --sign-ins=100 --warmup=20 --pg=postgres://postgres@localhost:5432 --keep-db
 */
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { parseArgs } from "../lib/cli.mjs"
import { benchKit, median, p95 } from "../lib/kit.mjs"

const { argv, opt } = parseArgs()
const server = opt("pg", "postgres://postgres@localhost:5432")
const rounds = Number(opt("rounds", 30))
const roundMs = Number(opt("round-ms", 1000))
const concurrency = Number(opt("concurrency", 8))
const signIns = Number(opt("sign-ins", 100))
const warmup = Number(opt("warmup", 20))
const DB = "mcs_bench_activity"
const setupFile = path.join(os.tmpdir(), "mcs-bench-activity-setup.json")
const kit = benchKit({ tag: "activity", server })
const { log, call } = kit

/** Requests finished per second by `concurrency` clients during `ms`. */
async function throughput(app, requests, ms) {
  const until = Date.now() + ms
  let done = 0
  let next = 0
  const client = async () => {
    while (Date.now() < until) {
      const [url, headers] = requests[next++ % requests.length]
      await call(app, "GET", url, undefined, headers)
      done++
    }
  }
  const started = process.hrtime.bigint()
  await Promise.all(Array.from({ length: concurrency }, client))
  return done / (Number(process.hrtime.bigint() - started) / 1e9)
}

async function main() {
  const keep = argv["keep-db"] === "true"
  const exists = (await kit.sql("postgres", `SELECT 1 FROM pg_database WHERE datname = '${DB}'`)).length > 0
  if (!keep || !exists || !fs.existsSync(setupFile)) {
    await kit.sql("postgres", `DROP DATABASE IF EXISTS "${DB}" WITH (FORCE)`)
    await kit.sql("postgres", `CREATE DATABASE "${DB}"`)
    const env = { DATABASE_URL: `${server}/${DB}`, BENCH_ACTIVITY_OUT: setupFile, MEDUSA_DISABLE_TELEMETRY: "true" }
    await kit.run(kit.medusa, ["db:migrate"], { env })
    await kit.run(kit.medusa, ["exec", "./bench/activity/setup.ts"], { env })
    await kit.sql(DB, "ANALYZE")
  }
  const shop = JSON.parse(fs.readFileSync(setupFile, "utf8"))

  const apps = [
    kit.start({ name: "activity", database: DB, port: await kit.freePort() }),
    kit.start({ name: "baseline", database: DB, port: await kit.freePort(), env: { CUSTOMER_SUITE_ACTIVITY: "false" } }),
  ]
  const stopAll = () => apps.forEach((a) => a.stop())
  process.on("exit", stopAll)
  process.on("SIGINT", () => process.exit(130))
  try {
    await Promise.all(apps.map((a) => kit.waitHealthy(a)))
    log(`servers up: ${apps.map((a) => `${a.name} ${a.base}`).join(", ")}`)
    const guest = { "x-publishable-api-key": shop.publishableKey }
    const signIn = (app) => call(app, "POST", "/auth/customer/emailpass", { email: shop.email, password: shop.password })
    const requestsOf = async (app) => {
      const { data } = await signIn(app)
      const customer = { ...guest, authorization: `Bearer ${data.token}` }
      return [
        ["/store/customers/me", customer],
        [`/store/carts/${shop.cart_id}`, guest],
        ["/store/regions", guest],
        ["/store/customers/me", customer],
      ]
    }
    const requests = Object.fromEntries(await Promise.all(apps.map(async (a) => [a.name, await requestsOf(a)])))

    // Warm both servers (JIT, pools, memos) before counting.
    for (const app of apps) await throughput(app, requests[app.name], 2_000)

    const rates = { activity: [], baseline: [] }
    for (let r = 0; r < rounds; r++) {
      for (const app of r % 2 ? [...apps].reverse() : apps) {
        rates[app.name].push(await throughput(app, requests[app.name], roundMs))
      }
      if ((r + 1) % 10 === 0) log(`throughput round ${r + 1}/${rounds}`)
    }

    const signInMs = { activity: [], baseline: [] }
    for (let i = 0; i < warmup + signIns; i++) {
      for (const app of i % 2 ? [...apps].reverse() : apps) {
        const { ms } = await signIn(app)
        if (i >= warmup) signInMs[app.name].push(ms)
      }
    }

    const throughputRatio = median(rates.activity) / median(rates.baseline)
    const signInRatio = median(signInMs.activity) / median(signInMs.baseline)
    console.log("\n| measure | activity | baseline | ratio of medians | goal |")
    console.log("| --- | --- | --- | --- | --- |")
    console.log(`| store requests/s (median of ${rounds} rounds, ${concurrency} clients) | ${median(rates.activity).toFixed(1)} | ${median(rates.baseline).toFixed(1)} | ${throughputRatio.toFixed(3)} | ≥ 0.95 |`)
    console.log(`| sign-in ms (median of ${signIns}; p95 ${p95(signInMs.activity).toFixed(1)} / ${p95(signInMs.baseline).toFixed(1)}) | ${median(signInMs.activity).toFixed(1)} | ${median(signInMs.baseline).toFixed(1)} | ${signInRatio.toFixed(3)} | ≤ 1.1 |`)
    const [presence] = await kit.sql(DB, "SELECT count(*)::int AS rows FROM customer_presence")
    const [log_] = await kit.sql(DB, "SELECT count(*)::int AS rows FROM customer_security_event WHERE kind = 'sign_in'")
    log(`what the activity server did: ${presence.rows} presence rows, ${log_.rows} sign-ins in the security log`)
    kit.writeResults({ rounds, round_ms: roundMs, concurrency, sign_ins: signIns, warmup, rates, sign_in_ms: signInMs, throughput_ratio: throughputRatio, sign_in_ratio: signInRatio, presence_rows: presence.rows, sign_in_log_rows: log_.rows })
  } finally {
    stopAll()
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
