/**
 * Customers-grid benchmark (figures, not a test), issue 16's goals at a
 * million customers:
 *
 *   npm run bench:grid                               # 1,000,000 customers (~6 min of data, then ~10 min)
 *   npm run bench:grid -- --customers=20000          # a quick check
 *   npm run bench:grid -- --keep-db                  # the same data again (regenerated when N differs)
 *
 * 1. Database mcs_bench_grid: created and migrated (`medusa db:migrate`, on
 *    every run: cheap when nothing is pending), an admin user
 *    (`medusa user`), then N customers generated in SQL by generate.mjs
 *    (Medusa's customer, address and group tables, the facts projection,
 *    two segments of ~5% and ~30%), indexes rebuilt, ANALYZE.
 * 2. One `medusa start` server; an admin token from POST /auth/user/emailpass.
 * 3. Grid: for each case (two filters, a sort), the first page
 *    GET /admin/customer-suite/customers?limit=50&… (it carries the count)
 *    `iterations` times after `warmup`, then the second page (the first
 *    page's next_cursor) as often: p50 and p95 (goal: p95 < 300 ms).
 * 4. Deep page: follows next_cursor `deep` pages, then times the next page
 *    (keyset pagination: should cost what page 2 costs).
 * 5. Export: GET /admin/customer-suite/customers/export?columns[]=… of every
 *    customer, streamed and counted (rows, bytes, rows/s; goal > 50,000),
 *    while the server's RSS (VmRSS of the process and its descendants) is
 *    read every 200 ms; peak over the idle RSS before it (goal < 300 MB).
 *
 * Options (defaults): --customers=1000000 --iterations=100 --warmup=10
 * --deep=200 --case-budget-ms=90000 (a case stops after this once it has 20
 * samples) --parts=grid,deep,export --pg=postgres://postgres@localhost:5432
 * --db=mcs_bench_grid --keep-db --data-only (build the database and stop) --log-slow=<ms> (log_min_duration_statement on the bench
 * database during the run; the slow statements and their EXPLAIN ANALYZE go
 * to bench/results/grid-slow-<time>.txt; needs the server log readable at
 * --pg-log=/var/log/postgresql/postgresql-15-main.log)
 */
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import pg from "pg"
import { parseArgs, root } from "../lib/cli.mjs"
import { benchKit, median, p95 } from "../lib/kit.mjs"
import { rssSampler, treeRssKb } from "../lib/rss.mjs"
import { generate, GENERATED_NOW, SEGMENTS } from "./generate.mjs"

const { argv, opt } = parseArgs()
const server = opt("pg", "postgres://postgres@localhost:5432")
const size = Number(opt("customers", 1_000_000))
const iterations = Number(opt("iterations", 100))
const warmup = Number(opt("warmup", 10))
const deep = Number(opt("deep", 200))
const caseBudgetMs = Number(opt("case-budget-ms", 90_000))
const parts = opt("parts", "grid,deep,export").split(",")
const logSlow = argv["log-slow"] ? Number(argv["log-slow"]) : null
const pgLog = opt("pg-log", "/var/log/postgresql/postgresql-15-main.log")
const DB = opt("db", "mcs_bench_grid")
const ADMIN = { email: "admin@bench.test", password: "bench-password-1-long-enough" }
const EXPORT_COLUMNS = opt(
  "columns",
  "id,email,first_name,last_name,phone,company_name,has_account,created_at,groups,segments,countries,orders_count,amount_spent,last_order_at,last_activity_at"
).split(",")
const kit = benchKit({ tag: "grid", server })
const { log, call } = kit

/** The measured grid requests: two filters each, the default sort and one other. */
const CASES = [
  { name: "no filter", query: "", sorts: [null, "-last_order_at"] },
  { name: "orders_count ≥ 3 + country de", query: "orders_count[gte]=3&country[]=de", sorts: [null, "-last_order_at"], deep: true },
  {
    name: "group vip + last order since 2026-06-01",
    query: "group_id[]=cusgroup_bench_vip&last_order_at[gte]=2026-06-01T00:00:00.000Z",
    sorts: [null, "email"],
  },
  {
    name: "segment 5% + spent ≥ 100 EUR",
    query: `segment_id[]=${SEGMENTS.static5}&amount_spent[currency]=eur&amount_spent[gte]=100`,
    sorts: [null, "-amount_spent"],
  },
  { name: "segment 30% + country fr", query: `segment_id[]=${SEGMENTS.dynamic30}&country[]=fr`, sorts: [null, "last_name"] },
]
/** The same filters straight over the projection and memberships: what an exact count should say. */
const TRUE_COUNTS = {
  "no filter": `SELECT count(*)::int AS n FROM customer WHERE deleted_at IS NULL`,
  "orders_count ≥ 3 + country de": `SELECT count(*)::int AS n FROM customer_profile WHERE orders_count >= 3 AND 'de' = ANY(countries)`,
  "group vip + last order since 2026-06-01": `SELECT count(*)::int AS n FROM customer_profile WHERE 'cusgroup_bench_vip' = ANY(group_ids) AND last_order_at >= '2026-06-01T00:00:00Z'`,
  "segment 5% + spent ≥ 100 EUR": `SELECT count(*)::int AS n FROM customer_profile p JOIN customer_segment_membership m ON m.customer_id = p.customer_id AND m.segment_id = '${SEGMENTS.static5}' WHERE (p.spend->'eur'->>'amount')::numeric >= 100`,
  "segment 30% + country fr": `SELECT count(*)::int AS n FROM customer_profile p JOIN customer_segment_membership m ON m.customer_id = p.customer_id AND m.segment_id = '${SEGMENTS.dynamic30}' WHERE 'fr' = ANY(p.countries)`,
}

const stats = (xs) => ({ n: xs.length, p50: round(median(xs)), p95: round(p95(xs)), min: round(Math.min(...xs)), max: round(Math.max(...xs)) })
const round = (x) => Math.round(x * 10) / 10
const url = (query, sort, cursor) =>
  `/admin/customer-suite/customers?limit=50${query ? `&${query}` : ""}${sort ? `&sort=${encodeURIComponent(sort)}` : ""}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`

/** Times `fn` `iterations` times after `warmup` calls, within the case budget (at least 20 samples). */
async function timed(fn) {
  for (let i = 0; i < warmup; i++) await fn()
  const ms = []
  const started = Date.now()
  let last
  while (ms.length < iterations && (ms.length < 20 || Date.now() - started < caseBudgetMs)) {
    last = await fn()
    ms.push(last.ms)
  }
  return { ms, last }
}

/**
 * The EUR amount-spent index a store gets from the job customer-suite-ensure-grid-spend-indexes
 * (every 15 minutes, for each store currency): the same name and expression, built here at once
 * (the bench's database has no store currencies, and measuring must not wait for the schedule).
 */
async function spendIndex() {
  const started = Date.now()
  await kit.sql(
    DB,
    `CREATE INDEX IF NOT EXISTS "IDX_cprof_grid_spend_eur" ON customer_profile ((coalesce((spend -> 'eur' ->> 'amount')::numeric, 0)), (customer_id collate "C")) WHERE deleted_at IS NULL`
  )
  log(`EUR amount-spent index ready (${((Date.now() - started) / 1000).toFixed(1)} s)`)
}

async function prepareDatabase() {
  const keep = argv["keep-db"] === "true"
  const exists = (await kit.sql("postgres", `SELECT 1 FROM pg_database WHERE datname = '${DB}'`)).length > 0
  if (!keep || !exists) {
    await kit.sql("postgres", `DROP DATABASE IF EXISTS "${DB}" WITH (FORCE)`)
    await kit.sql("postgres", `CREATE DATABASE "${DB}"`)
  }
  const env = { DATABASE_URL: `${server}/${DB}`, MEDUSA_DISABLE_TELEMETRY: "true" }
  await kit.run(kit.medusa, ["db:migrate"], { env })
  if (!(await kit.sql(DB, `SELECT 1 FROM "user" WHERE email = '${ADMIN.email}' AND deleted_at IS NULL`)).length) {
    await kit.run(kit.medusa, ["user", "-e", ADMIN.email, "-p", ADMIN.password], { env })
  }
  await kit.sql(DB, `CREATE TABLE IF NOT EXISTS bench_grid_meta (customers int NOT NULL, generated jsonb NOT NULL)`)
  const [meta] = await kit.sql(DB, `SELECT customers, generated FROM bench_grid_meta`)
  if (meta?.customers === size) {
    log(`keeping ${size.toLocaleString("en")} generated customers`)
    await spendIndex()
    await kit.sql(DB, "ANALYZE")
    return meta.generated
  }
  const client = new pg.Client({ connectionString: `${server}/${DB}` })
  await client.connect()
  try {
    const generated = await generate(client, size, log)
    await client.query(`DELETE FROM bench_grid_meta`)
    await client.query(`INSERT INTO bench_grid_meta VALUES ($1, $2)`, [size, generated])
    await spendIndex()
    await kit.sql(DB, "ANALYZE")
    return generated
  } finally {
    await client.end()
  }
}

async function measureGrid(app, headers, trueCounts) {
  const results = []
  for (const c of CASES) {
    const truth = { n: trueCounts[c.name] }
    for (const sort of c.sorts) {
      const first = await timed(() => call(app, "GET", url(c.query, sort), undefined, headers))
      const data = first.last.data
      const row = {
        case: c.name,
        query: c.query,
        sort: sort ?? "(default)",
        count: data.count,
        count_is_estimate: data.count_is_estimate,
        true_count: truth.n,
        rows: data.customers.length,
        first_page: stats(first.ms),
      }
      if (data.next_cursor) {
        const next = await timed(() => call(app, "GET", url(c.query, sort, data.next_cursor), undefined, headers))
        row.next_page = stats(next.ms)
        row.next_page_carries_count = next.last.data.count !== undefined && next.last.data.count !== null
      }
      results.push(row)
      log(
        `${c.name} / ${row.sort}: count ${row.count}${row.count_is_estimate ? " (estimate)" : ""} of ${truth.n}; ` +
          `page 1 p50 ${row.first_page.p50} p95 ${row.first_page.p95} ms; page 2 p50 ${row.next_page?.p50 ?? "-"} p95 ${row.next_page?.p95 ?? "-"} ms`
      )
    }
  }
  return results
}

async function measureDeep(app, headers) {
  const results = []
  for (const c of [CASES[0], ...CASES.filter((x) => x.deep)]) {
    let cursor = null
    const follow = []
    let pages = 0
    const ids = new Set()
    let duplicates = 0
    while (pages < deep) {
      const { ms, data } = await call(app, "GET", url(c.query, null, cursor), undefined, headers)
      follow.push(ms)
      for (const customer of data.customers) (ids.has(customer.id) ? duplicates++ : ids.add(customer.id))
      pages++
      cursor = data.next_cursor
      if (!cursor) break
    }
    const row = { case: c.name, query: c.query, pages_followed: pages, rows_seen: ids.size, duplicates, follow: stats(follow.slice(1)) }
    if (cursor) {
      const at = await timed(() => call(app, "GET", url(c.query, null, cursor), undefined, headers))
      row.page_after = stats(at.ms)
    }
    results.push(row)
    log(
      `deep ${c.name}: followed ${pages} pages (${ids.size} distinct rows, ${duplicates} repeated; p50 ${row.follow.p50} ms), ` +
        `page ${pages + 1}: p50 ${row.page_after?.p50 ?? "-"} p95 ${row.page_after?.p95 ?? "-"} ms`
    )
  }
  return results
}

async function measureExport(app, headers) {
  const query = EXPORT_COLUMNS.map((c) => `columns[]=${encodeURIComponent(c)}`).join("&")
  // Idle: the server after the grid requests, settled for 3 s.
  await new Promise((r) => setTimeout(r, 3000))
  const idleSamples = []
  for (let i = 0; i < 10; i++) {
    idleSamples.push(treeRssKb(app.pid).kb)
    await new Promise((r) => setTimeout(r, 200))
  }
  const idleKb = median(idleSamples)
  const { pids } = treeRssKb(app.pid)
  const sampler = rssSampler(app.pid)
  const started = process.hrtime.bigint()
  const response = await fetch(`${app.base}/admin/customer-suite/customers/export?${query}`, { headers })
  if (!response.ok) {
    sampler.stop()
    throw new Error(`export: ${response.status} ${(await response.text()).slice(0, 500)}`)
  }
  let bytes = 0
  let newlines = 0
  let firstByteMs = null
  let head = ""
  const reader = response.body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    if (firstByteMs === null) firstByteMs = Number(process.hrtime.bigint() - started) / 1e6
    if (head.length < 2000) head += Buffer.from(value.subarray(0, 2000)).toString("utf8")
    bytes += value.length
    for (let i = value.indexOf(10); i !== -1; i = value.indexOf(10, i + 1)) newlines++
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  sampler.stop()
  const peakKb = Math.max(idleKb, ...sampler.samples.map((s) => s.kb))
  const header = head.split("\n")[0]
  // Generated fields hold no line breaks: one line per row plus the header.
  const rows = newlines - 1
  const result = {
    columns: EXPORT_COLUMNS,
    content_type: response.headers.get("content-type"),
    announced_count: response.headers.get("x-customer-suite-count"),
    announced_count_is_estimate: response.headers.get("x-customer-suite-count-estimate"),
    header,
    rows,
    bytes,
    seconds: round(seconds),
    first_byte_ms: round(firstByteMs ?? 0),
    rows_per_second: Math.round(rows / seconds),
    mb_per_second: round(bytes / 1e6 / seconds),
    server_pids: pids,
    rss_idle_mb: round(idleKb / 1024),
    rss_peak_mb: round(peakKb / 1024),
    rss_peak_over_idle_mb: round((peakKb - idleKb) / 1024),
    rss_samples_mb: sampler.samples.map((s) => round(s.kb / 1024)),
  }
  if (rows !== size) log(`export: ${rows} rows, not the ${size} customers generated`)
  log(
    `export: ${rows.toLocaleString("en")} rows, ${(bytes / 1e6).toFixed(1)} MB in ${result.seconds} s (${result.rows_per_second.toLocaleString("en")} rows/s, ` +
      `first byte ${result.first_byte_ms} ms); RSS idle ${result.rss_idle_mb} MB, peak ${result.rss_peak_mb} MB (+${result.rss_peak_over_idle_mb} MB)`
  )
  return result
}

/** The bench database's slow statements from the server log (written since `offset`), with EXPLAIN ANALYZE of each distinct one. */
async function explainSlow(offset) {
  const text = fs.readFileSync(pgLog, "utf8").slice(offset)
  const entries = []
  for (const line of text.split("\n")) {
    if (/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/.test(line)) entries.push(line)
    else if (entries.length) entries[entries.length - 1] += `\n${line}`
  }
  const statements = []
  for (let i = 0; i < entries.length; i++) {
    if (!entries[i].includes(`@${DB} `)) continue
    const m = /duration: ([\d.]+) ms {2}(?:execute [^:]*|statement): ([\s\S]*)$/.exec(entries[i])
    if (!m) continue
    let sql = m[2]
    const detail = entries[i + 1]?.includes(`@${DB} DETAIL:  parameters:`) ? entries[i + 1] : null
    if (detail) {
      const params = new Map([...detail.matchAll(/\$(\d+) = (NULL|'(?:[^']|'')*')/g)].map((p) => [Number(p[1]), p[2]]))
      sql = sql.replace(/\$(\d+)\b/g, (all, n) => params.get(Number(n)) ?? all)
    }
    statements.push({ ms: Number(m[1]), sql: sql.trim() })
  }
  const distinct = new Map()
  for (const s of statements) {
    const shape = s.sql.replace(/'(?:[^']|'')*'/g, "?").replace(/\s+/g, " ")
    const seen = distinct.get(shape)
    if (!seen || seen.ms < s.ms) distinct.set(shape, { ...s, times: (seen?.times ?? 0) + 1 })
    else seen.times++
  }
  let out = `Slow statements of ${DB} (log_min_duration_statement = ${logSlow} ms): ${statements.length}, ${distinct.size} distinct shapes\n`
  for (const s of [...distinct.values()].sort((a, b) => b.ms - a.ms).slice(0, 12)) {
    out += `\n${"=".repeat(100)}\n${s.times}× up to ${s.ms} ms\n${s.sql}\n\n`
    try {
      const plan = await kit.sql(DB, `EXPLAIN (ANALYZE, BUFFERS) ${s.sql}`)
      out += plan.map((r) => r["QUERY PLAN"]).join("\n") + "\n"
    } catch (error) {
      out += `(EXPLAIN failed: ${error.message})\n`
    }
  }
  return { count: statements.length, distinct: distinct.size, text: out }
}

async function main() {
  const generated = await prepareDatabase()
  if (argv["data-only"] === "true") return
  // Before the slow-statement log is on: these are the bench's statements, not the app's.
  const trueCounts = {}
  for (const [name, text] of Object.entries(TRUE_COUNTS)) trueCounts[name] = (await kit.sql(DB, text))[0].n
  let logOffset = null
  if (logSlow !== null) {
    await kit.sql("postgres", `ALTER DATABASE "${DB}" SET log_min_duration_statement = ${logSlow}`)
    logOffset = fs.statSync(pgLog).size
  }
  const app = kit.start({ name: "grid", database: DB, port: await kit.freePort() })
  process.on("exit", () => app.stop())
  process.on("SIGINT", () => process.exit(130))
  // The machine's load (other processes share its cores): 1, 5 and 15-minute averages, at the start and the end.
  const out = { customers: size, generated_now: GENERATED_NOW, generated, iterations, warmup, deep, load_average_start: os.loadavg() }
  try {
    await kit.waitHealthy(app)
    log(`server up: ${app.base} (pid ${app.pid})`)
    const { data } = await call(app, "POST", "/auth/user/emailpass", { email: ADMIN.email, password: ADMIN.password })
    const headers = { authorization: `Bearer ${data.token}` }
    out.rss_after_start_mb = round(treeRssKb(app.pid).kb / 1024)
    if (parts.includes("grid")) out.grid = await measureGrid(app, headers, trueCounts)
    if (parts.includes("deep")) out.deep_pages = await measureDeep(app, headers)
    if (parts.includes("export")) out.export = await measureExport(app, headers)
  } finally {
    app.stop()
    if (logSlow !== null) await kit.sql("postgres", `ALTER DATABASE "${DB}" RESET log_min_duration_statement`)
  }

  console.log(`\n${size.toLocaleString("en")} customers\n`)
  if (out.grid) {
    console.log("| case | sort | count | page 1 p50 / p95 ms | page 2 p50 / p95 ms | goal p95 |")
    console.log("| --- | --- | --- | --- | --- | --- |")
    for (const r of out.grid) {
      const count = `${r.count.toLocaleString("en")}${r.count_is_estimate ? " (estimate)" : " (exact)"}${r.count === r.true_count ? "" : `; true ${r.true_count.toLocaleString("en")}`}`
      console.log(
        `| ${r.case} | ${r.sort} | ${count} | ${r.first_page.p50} / ${r.first_page.p95} | ${r.next_page ? `${r.next_page.p50} / ${r.next_page.p95}` : "-"} | ${r.first_page.p95 < 300 && (r.next_page?.p95 ?? 0) < 300 ? "met" : "missed"} |`
      )
    }
  }
  if (out.deep_pages) {
    console.log("\n| case | pages followed | follow p50 / p95 ms | next page p50 / p95 ms |")
    console.log("| --- | --- | --- | --- |")
    for (const r of out.deep_pages) {
      console.log(`| ${r.case} | ${r.pages_followed} (${r.rows_seen.toLocaleString("en")} rows, ${r.duplicates} repeated) | ${r.follow.p50} / ${r.follow.p95} | ${r.page_after ? `${r.page_after.p50} / ${r.page_after.p95}` : "-"} |`)
    }
  }
  if (out.export) {
    const e = out.export
    console.log(
      `\nexport: ${e.rows.toLocaleString("en")} rows (${(e.bytes / 1e6).toFixed(1)} MB) in ${e.seconds} s: ${e.rows_per_second.toLocaleString("en")} rows/s (goal > 50,000), ` +
        `first byte ${e.first_byte_ms} ms; RSS idle ${e.rss_idle_mb} MB, peak ${e.rss_peak_mb} MB: +${e.rss_peak_over_idle_mb} MB (goal < 300 MB)`
    )
  }
  if (logOffset !== null) {
    const slow = await explainSlow(logOffset)
    const file = path.join(root, "bench/results", `grid-slow-${size}-${new Date().toISOString().replace(/[:.]/g, "-")}.txt`)
    fs.writeFileSync(file, slow.text)
    out.slow_statements = { count: slow.count, distinct: slow.distinct, file: path.relative(root, file) }
    log(`${slow.count} statements over ${logSlow} ms (${slow.distinct} shapes): ${path.relative(root, file)}`)
  }
  out.load_average_end = os.loadavg()
  log(`load average: ${out.load_average_start.map((x) => x.toFixed(1)).join(" ")} at the start, ${out.load_average_end.map((x) => x.toFixed(1)).join(" ")} at the end`)
  kit.writeResults(out)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
