/**
 * Backfill benchmark (figures, not a test), issue 17's onboarding goal: the
 * facts projection of 1,000,000 customers with ~3,000,000 orders built by
 * the backfill in under 10 minutes, within 3× of one hand-written set-based
 * transaction computing the same facts, with the server's memory flat.
 *
 *   npm run bench:backfill                                  # 1,000,000 customers (~15 min of data the first time)
 *   npm run bench:backfill -- --customers=100000 --keep-db  # a smaller store, kept between runs
 *   npm run bench:backfill -- --keep-db --parts=baseline    # only the hand-written baseline
 *
 * 1. The store (generate.mjs): database mcs_bench_backfill_sql, migrated,
 *    N customers and their orders written in SQL into Medusa's tables,
 *    checked through Query; kept with --keep-db when it has N customers.
 * 2. Backfill (part "backfill"): the projection emptied, one `medusa start`
 *    of the repository's app, an admin token; the server's RSS (VmRSS of
 *    `medusa start` and its descendants) read every second: idle for 10 s,
 *    then during the run. POST /admin/customer-segments/backfill
 *    { batch_size? }: a 202 { backfill } is polled through
 *    GET /admin/customer-suite/backfills/:id until it ends (progress
 *    and ETA printed); a 200 (the synchronous route before issue 17) is the
 *    finished backfill. Duration (from the POST to the end seen, ±poll-ms;
 *    the run's own finished_at − started_at beside it), customers/s,
 *    orders/s, peak RSS − idle RSS.
 * 3. Baseline (part "baseline", baseline.mjs): the server stopped, the same
 *    facts by three INSERT … SELECT in one transaction, timed; the ratio
 *    backfill / baseline.
 * 4. Agreement: row counts of the three tables, sums of orders_count, of the
 *    spend amounts per currency, of order totals and of purchase quantities,
 *    the projection's against the baseline's (and how many rows differ).
 *
 * Results: bench/results/backfill-<commit>-<time>.json.
 *
 * Options (defaults): --customers=1000000 --db=mcs_bench_backfill_sql --keep-db
 * --parts=backfill,baseline --batch-size (the route's default when absent)
 * --poll-ms=2000 --idle-s=10 --timeout-min=120 --check-sample=300
 * --baseline-indexes=after|during --pg=postgres://postgres@localhost:5432
 * --url=<base> --pid=<pid> (measure a server already running on the
 * database instead of starting one; its RSS is read when --pid is given)
 */
import http from "node:http"
import os from "node:os"
import pg from "pg"
import { parseArgs } from "../lib/cli.mjs"
import { benchKit, median } from "../lib/kit.mjs"
import { rssSampler, treeRssKb } from "../lib/rss.mjs"
import { compareWithBaseline, runBaseline } from "./baseline.mjs"
import { DEFAULT_DB, PROJECTION, prepareStore } from "./generate.mjs"

const { argv, opt } = parseArgs()
const server = opt("pg", "postgres://postgres@localhost:5432")
const size = Number(opt("customers", 1_000_000))
const DB = opt("db", DEFAULT_DB)
const parts = opt("parts", "backfill,baseline").split(",")
const batchSize = argv["batch-size"] ? Number(argv["batch-size"]) : undefined
const pollMs = Number(opt("poll-ms", 2000))
const idleSeconds = Number(opt("idle-s", 10))
const timeoutMs = Number(opt("timeout-min", 120)) * 60_000
const ADMIN = { email: "admin@bench.test", password: "bench-password-1-long-enough" }
const FINISHED = ["succeeded", "failed", "canceled"]
const kit = benchKit({ tag: "backfill", server })
const { log, call } = kit

const round = (x, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits
const mb = (kb) => round(kb / 1024)
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

async function withClient(fn) {
  const client = new pg.Client({ connectionString: `${server}/${DB}` })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

async function ensureAdmin() {
  if (!(await kit.sql(DB, `SELECT 1 FROM "user" WHERE email = '${ADMIN.email}' AND deleted_at IS NULL`)).length) {
    await kit.run(kit.medusa, ["user", "-e", ADMIN.email, "-p", ADMIN.password], {
      env: { DATABASE_URL: `${server}/${DB}`, MEDUSA_DISABLE_TELEMETRY: "true" },
    })
  }
}

/**
 * POST with no time limit (fetch gives up on headers after 300 s, and the
 * synchronous route before issue 17 answers only when the backfill is done).
 */
function postWithoutTimeout(app, url, body, headers) {
  const started = process.hrtime.bigint()
  return new Promise((resolve, reject) => {
    const request = http.request(`${app.base}${url}`, { method: "POST", headers: { "content-type": "application/json", ...headers } }, (response) => {
      let text = ""
      response.on("data", (chunk) => (text += chunk))
      response.on("end", () => {
        const ms = Number(process.hrtime.bigint() - started) / 1e6
        const status = response.statusCode
        if (status >= 300 && status !== 409) reject(new Error(`${app.name} POST ${url}: ${status} ${text.slice(0, 500)}`))
        else resolve({ ms, status, data: text ? JSON.parse(text) : null })
      })
    })
    request.on("error", reject)
    request.end(JSON.stringify(body))
  })
}

/** Follows a backfill run until it ends; answers the last state and the progress seen. */
async function follow(app, headers, run) {
  const progress = []
  let lastLog = 0
  const until = Date.now() + timeoutMs
  while (!FINISHED.includes(run.status)) {
    if (Date.now() > until) throw new Error(`backfill run ${run.id} still ${run.status} after ${timeoutMs / 60_000} min`)
    await sleep(pollMs)
    run = (await call(app, "GET", `/admin/customer-suite/backfills/${run.id}`, undefined, headers)).data.backfill
    progress.push({
      t: Date.now(),
      status: run.status,
      customers_done: run.customers_done,
      orders_done: run.orders_done,
      batches_done: run.batches_done,
      progress: run.progress,
      customers_per_second: run.customers_per_second,
      estimated_seconds_left: run.estimated_seconds_left,
    })
    if (Date.now() - lastLog >= 10_000 || FINISHED.includes(run.status)) {
      lastLog = Date.now()
      log(
        `  ${run.status}: ${(run.customers_done ?? 0).toLocaleString("en")} of ~${(run.customers_estimate ?? 0).toLocaleString("en")} customers ` +
          `(${round((run.progress ?? 0) * 100)}%), ${(run.orders_done ?? 0).toLocaleString("en")} orders, ${run.batches_done ?? 0} batches; ` +
          `${run.customers_per_second ?? "-"} customers/s, ETA ${run.estimated_seconds_left ?? "-"} s`
      )
    }
  }
  return { run, progress }
}

async function measureBackfill() {
  await kit.sql(DB, `TRUNCATE ${PROJECTION.join(", ")}`)
  // Earlier runs (a killed bench may leave one "running") would answer 409.
  await kit.sql(DB, "DELETE FROM customer_facts_backfill")
  // The plugin queues an install run once per store when it finds the projection empty (its job, every minute):
  // one on record keeps that job from starting a run of its own before the bench's request.
  await kit.sql(
    DB,
    `INSERT INTO customer_facts_backfill (id, status, trigger, batch_size, finished_at) VALUES ('cfbf_bench_marker', 'canceled', 'install', 5000, now())`
  )
  await kit.sql(DB, "CHECKPOINT")
  await ensureAdmin()
  // --url (and --pid for its memory): a server already running on this database, e.g. with Redis modules.
  const app = argv.url
    ? { name: "external", base: argv.url, pid: Number(opt("pid", 0)), output: () => "", stop: () => {} }
    : kit.start({ name: "backfill", database: DB, port: await kit.freePort() })
  process.on("exit", () => app.stop())
  process.on("SIGINT", () => process.exit(130))
  try {
    await kit.waitHealthy(app)
    log(`server up: ${app.base} (pid ${app.pid})`)
    const { data } = await call(app, "POST", "/auth/user/emailpass", { email: ADMIN.email, password: ADMIN.password })
    const headers = { authorization: `Bearer ${data.token}` }
    // Idle: the server after start-up and one sign-in, settled.
    await sleep(3000)
    const idle = []
    for (let i = 0; i < idleSeconds; i++) {
      idle.push(treeRssKb(app.pid).kb)
      await sleep(1000)
    }
    const idleKb = median(idle)
    log(`idle RSS ${mb(idleKb)} MB`)

    const sampler = rssSampler(app.pid, 1000)
    const started = Date.now()
    const body = batchSize === undefined ? {} : { batch_size: batchSize }
    const posted = await postWithoutTimeout(app, "/admin/customer-segments/backfill", body, headers)
    let out
    if (posted.status === 409 && posted.data.backfill?.trigger !== "install") {
      sampler.stop()
      throw new Error(`a backfill run is already ${posted.data.backfill?.status}: ${JSON.stringify(posted.data.backfill)}`)
    } else if (posted.status === 202 || posted.status === 409) {
      // 409 with an install run: the plugin's job (every minute) found the projection empty and queued the same
      // rebuild first; it is followed instead (the same work, the default batch size).
      log(`POST answered ${posted.status} in ${round(posted.ms)} ms: run ${posted.data.backfill.id} (${posted.data.backfill.status}, ${posted.data.backfill.trigger})`)
      const { run, progress } = await follow(app, headers, posted.data.backfill)
      const seconds = (Date.now() - started) / 1000
      if (run.status !== "succeeded") {
        sampler.stop()
        throw new Error(`backfill run ${run.id} ${run.status}: ${run.error ?? ""}`)
      }
      const runSeconds = run.started_at && run.finished_at ? (new Date(run.finished_at) - new Date(run.started_at)) / 1000 : null
      out = {
        route: "background (202)",
        post_ms: round(posted.ms),
        seconds: round(seconds),
        run_seconds: runSeconds === null ? null : round(runSeconds),
        customers: run.customers_done,
        orders: run.orders_done,
        batches: run.batches_done,
        run,
        progress,
      }
    } else {
      // The synchronous route: the request lasts the whole backfill.
      const result = posted.data.backfill
      out = {
        route: "synchronous (200)",
        post_ms: round(posted.ms),
        seconds: round(posted.ms / 1000),
        customers: result.customers,
        orders: result.orders,
        batches: result.batches,
        result,
      }
    }
    sampler.stop()
    // Where the server settles after the run (the run's memory should be released).
    await sleep(5000)
    const afterKb = treeRssKb(app.pid).kb
    const peakKb = Math.max(idleKb, ...sampler.samples.map((s) => s.kb))
    const seconds = out.seconds
    Object.assign(out, {
      batch_size: batchSize ?? null,
      customers_per_second: Math.round(out.customers / seconds),
      orders_per_second: Math.round(out.orders / seconds),
      rss_idle_mb: mb(idleKb),
      rss_peak_mb: mb(peakKb),
      rss_peak_over_idle_mb: mb(peakKb - idleKb),
      rss_after_mb: mb(afterKb),
      rss_samples_mb: sampler.samples.map((s) => mb(s.kb)),
    })
    log(
      `backfill: ${out.customers.toLocaleString("en")} customers, ${out.orders.toLocaleString("en")} orders in ${seconds} s ` +
        `(${out.customers_per_second.toLocaleString("en")} customers/s, ${out.orders_per_second.toLocaleString("en")} orders/s); ` +
        `RSS idle ${out.rss_idle_mb} MB, peak ${out.rss_peak_mb} MB (+${out.rss_peak_over_idle_mb} MB), after ${out.rss_after_mb} MB`
    )
    return out
  } finally {
    app.stop()
  }
}

async function main() {
  const generated = await prepareStore({ kit, server, db: DB, size, keep: argv["keep-db"] === "true", checkSample: Number(opt("check-sample", 300)) })
  const settings = (
    await kit.sql(
      DB,
      `SELECT json_object_agg(name, current_setting(name)) AS s FROM pg_settings
       WHERE name IN ('work_mem', 'shared_buffers', 'maintenance_work_mem', 'max_parallel_workers_per_gather', 'synchronous_commit', 'autovacuum', 'max_wal_size')`
    )
  )[0].s
  const out = { customers: size, database: DB, generated, pg_settings: settings, node_options: process.env.NODE_OPTIONS ?? null, load_average_start: os.loadavg() }
  if (parts.includes("backfill")) out.backfill = await measureBackfill()
  if (parts.includes("baseline")) out.baseline = await withClient((client) => runBaseline(client, log, { indexes: opt("baseline-indexes", "after") }))
  if (out.backfill && out.baseline) {
    const seconds = out.backfill.seconds
    out.ratio = round(seconds / out.baseline.seconds, 2)
    out.ratio_with_analyze = round(seconds / (out.baseline.seconds + out.baseline.analyze_seconds), 2)
  }
  const [filled] = await kit.sql(DB, `SELECT (SELECT count(*)::int FROM customer_profile) AS n`)
  if (out.baseline && filled.n > 0) {
    out.agreement = await withClient((client) => compareWithBaseline(client))
    log(`projection and baseline ${out.agreement.agree ? "agree" : "DIFFER"}: ${JSON.stringify(out.agreement)}`)
  } else if (out.baseline) {
    log("the projection is empty (no backfill has run on this database): nothing to compare the baseline with")
  }
  out.load_average_end = os.loadavg()

  console.log(`\n${size.toLocaleString("en")} customers, ${generated.orders.toLocaleString("en")} orders (${generated.line_items.toLocaleString("en")} line items)\n`)
  console.log("| | time | customers/s | orders/s | server RSS idle → peak |")
  console.log("| --- | --- | --- | --- | --- |")
  if (out.backfill) {
    const b = out.backfill
    console.log(
      `| backfill, ${b.route}${b.batch_size ? `, batch ${b.batch_size}` : ""} | ${b.seconds} s${b.run_seconds ? ` (run ${b.run_seconds} s)` : ""} | ${b.customers_per_second.toLocaleString("en")} | ${b.orders_per_second.toLocaleString("en")} | ${b.rss_idle_mb} → ${b.rss_peak_mb} MB (+${b.rss_peak_over_idle_mb} MB) |`
    )
  }
  if (out.baseline) {
    const s = out.baseline.seconds
    console.log(
      `| hand-written transaction | ${s} s (+ ANALYZE ${out.baseline.analyze_seconds} s) | ${Math.round(out.baseline.rows.profile / s).toLocaleString("en")} | ${Math.round(out.baseline.rows.order / s).toLocaleString("en")} | - |`
    )
  }
  if (out.ratio !== undefined) console.log(`\nratio backfill / baseline: ${out.ratio}× (${out.ratio_with_analyze}× against the baseline with its ANALYZE); goal ≤ 3×, and under 600 s at 1M`)
  log(`load average: ${out.load_average_start.map((x) => x.toFixed(1)).join(" ")} at the start, ${out.load_average_end.map((x) => x.toFixed(1)).join(" ")} at the end`)
  kit.writeResults(out, { withCommit: true })
  if (out.agreement && !out.agreement.agree) process.exitCode = 1
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
