/**
 * Real time under load across a cluster (issue 17 §3), figures not a test:
 *
 *   npm run bench:realtime                                  # 20,000 customers, 200 changes/s for 60 s
 *   npm run bench:realtime -- --keep-db --rate=100          # the same database (schema kept, data rebuilt), a lower rate
 *
 * 1. Database mcs_bench_rtload (kept with --keep-db: no new migration run
 *    when nothing is pending), an admin user (`medusa user`), N customers in
 *    SQL straight into Medusa's customer tables (data.mjs: eight blocks, each
 *    in the state its change flips), four dynamic segments through the admin
 *    API, then the plugin's backfill (POST /admin/customer-segments/backfill,
 *    polled at GET /admin/customer-suite/backfills/:id), which builds the
 *    facts and refreshes the segments; the run waits for the memberships the
 *    data implies.
 * 2. The cluster: `servers` × `medusa start` with MEDUSA_WORKER_MODE=server
 *    and `workers` × worker, on a Redis database of their own
 *    (integration-tests/cluster/redis-claim.js, as the cluster tests).
 * 3. Load, open loop: change k is sent at k / rate seconds whether or not
 *    earlier ones answered, to server k mod `servers`, through Medusa's admin
 *    routes (group add/remove, address add/delete, metadata and last-name
 *    updates), each on a customer of its own, so its membership effect is
 *    known. The membership table is polled every `poll-ms` for the changes
 *    still pending; latency = the start of the first poll that sees the
 *    effect − the time the API answered (0 when seen first). Not seen within
 *    `lost-after-ms` after the answer: lost. Meanwhile: each instance's RSS
 *    and CPU, and the event bus's queue depth.
 * 4. A full refresh of each segment (POST /admin/customer-segments/:id/refresh),
 *    then the members that differ from what real time left, and from what
 *    the changes imply.
 *
 * Options (defaults): --customers=20000 --rate=200 --seconds=60 --poll-ms=50
 * --lost-after-ms=30000 --drain-ms=1200000 (before the refresh check, at most this long for the
 * event queue to empty) --servers=2 --workers=1 --pg=postgres://postgres@localhost:5432
 * --db=mcs_bench_rtload --keep-db --redis=redis://127.0.0.1:6379
 * --env=KEY=VALUE,… (more environment for every instance) --label=<text> (names the run in the JSON)
 * --skip-kinds=<kind>,… (leave these kinds of change out of the cycle, e.g. group_leave: Medusa 2.21.2's
 * removal from a group holds a pooled connection while it waits for another, decision 0061)
 */
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import pg from "pg"
import Redis from "ioredis"
import { claimRedisDatabase, redisUnavailable } from "../../integration-tests/cluster/redis-claim.js"
import { parseArgs } from "../lib/cli.mjs"
import { benchKit } from "../lib/kit.mjs"
import { treeRssKb } from "../lib/rss.mjs"
import { BLOCKS, SEGMENTS, customerId, expectedMembers, generate, changeFor } from "./data.mjs"

const { argv, opt } = parseArgs()
const server = opt("pg", "postgres://postgres@localhost:5432")
const DB = opt("db", "mcs_bench_rtload")
const size = Number(opt("customers", 20_000))
const rate = Number(opt("rate", 200))
const seconds = Number(opt("seconds", 60))
const pollMs = Number(opt("poll-ms", 50))
const lostAfterMs = Number(opt("lost-after-ms", 30_000))
const drainMs = Number(opt("drain-ms", 1_200_000))
const serverCount = Number(opt("servers", 2))
const workerCount = Number(opt("workers", 1))
const redisBase = opt("redis", process.env.REDIS_URL || "redis://127.0.0.1:6379")
const extraEnv = Object.fromEntries(
  (argv.env ? argv.env.split(",") : []).map((pair) => [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)])
)
const ADMIN = { email: "admin@rtload.test", password: "bench-password-1-long-enough" }
const kit = benchKit({ tag: "realtime", server })
const { log, call } = kit

const total = Math.round(rate * seconds)
const skipKinds = new Set(opt("skip-kinds", "").split(",").filter(Boolean))
for (const kind of skipKinds) {
  if (!BLOCKS.some((b) => b.kind === kind)) throw new Error(`--skip-kinds: unknown kind ${kind} (${BLOCKS.map((b) => b.kind).join(", ")})`)
}
if (Math.ceil((total * BLOCKS.length) / (BLOCKS.length - skipKinds.size)) > size) throw new Error("--skip-kinds: more changes than customers")
if (total > size) {
  throw new Error(`${total} changes need as many customers (one change each): --customers=${size} is too few`)
}

const round = (x) => Math.round(x * 10) / 10
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length ? s[Math.min(s.length - 1, Math.floor(s.length * q))] : null
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

/** CPU seconds (user + system) of these processes so far (utime and stime of /proc/<pid>/stat, in USER_HZ = 100). */
function treeCpuSeconds(pids) {
  let ticks = 0
  for (const pid of pids) {
    try {
      const text = fs.readFileSync(`/proc/${pid}/stat`, "utf8")
      const fields = text.slice(text.lastIndexOf(")") + 2).split(" ")
      ticks += Number(fields[11]) + Number(fields[12])
    } catch {
      /* gone */
    }
  }
  return ticks / 100
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
  const client = new pg.Client({ connectionString: `${server}/${DB}` })
  await client.connect()
  try {
    await generate(client, size, log)
  } finally {
    await client.end()
  }
}

function startCluster(redisUrl, ports) {
  const env = { MEDUSA_WORKER_MODE: "server", REDIS_URL: redisUrl, LOG_LEVEL: "warn", ...extraEnv }
  const servers = Array.from({ length: serverCount }, (_, i) =>
    kit.start({ name: `server-${i + 1}`, database: DB, port: ports[i], env })
  )
  const workers = Array.from({ length: workerCount }, (_, i) =>
    kit.start({ name: `worker-${i + 1}`, database: DB, port: ports[serverCount + i], env: { ...env, MEDUSA_WORKER_MODE: "worker" } })
  )
  return { servers, workers, all: [...servers, ...workers] }
}

/** Segments through the admin API (dynamic, active), the backfill, then the memberships the data implies. */
async function setUpSegments(app, headers, sql) {
  const ids = {}
  for (const [key, segment] of Object.entries(SEGMENTS)) {
    const { data } = await call(app, "POST", "/admin/customer-segments", { name: segment.name, query: segment.query, applies_to: "registered" }, headers)
    ids[key] = data.customer_segment.id
  }
  log(`segments: ${Object.entries(ids).map(([k, id]) => `${k}=${id}`).join(", ")}`)
  const started = Date.now()
  const { data, status } = await call(app, "POST", "/admin/customer-segments/backfill", {}, headers)
  if (status !== 202) throw new Error(`backfill answered ${status}`)
  const backfillId = data.backfill.id
  for (;;) {
    const { data: polled } = await call(app, "GET", `/admin/customer-suite/backfills/${backfillId}`, undefined, headers)
    if (polled.backfill.status === "succeeded") break
    if (["failed", "canceled"].includes(polled.backfill.status)) throw new Error(`backfill ${polled.backfill.status}: ${JSON.stringify(polled.backfill)}`)
    if (Date.now() - started > 900_000) throw new Error(`backfill still ${polled.backfill.status} after 15 min`)
    await sleep(1000)
  }
  log(`backfill succeeded in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  // The backfill's closing refresh of each segment runs after it: wait for the members the data implies.
  const expected = expectedMembers(size)
  for (;;) {
    const counts = await memberCounts(sql, ids)
    if (Object.keys(ids).every((k) => counts[k] === expected[k].size)) {
      log(`members as the data implies: ${JSON.stringify(counts)} (${((Date.now() - started) / 1000).toFixed(1)} s after the backfill request)`)
      break
    }
    if (Date.now() - started > 900_000) throw new Error(`members ${JSON.stringify(counts)} never reached the expected counts`)
    await sleep(1000)
  }
  await sql("ANALYZE")
  return { ids, backfill_seconds: round((Date.now() - started) / 1000) }
}

async function memberCounts(sql, ids) {
  const rows = await sql(
    `SELECT segment_id, count(*)::int AS n FROM customer_segment_membership WHERE deleted_at IS NULL AND segment_id = ANY($1) GROUP BY segment_id`,
    [Object.values(ids)]
  )
  const bySegment = Object.fromEntries(rows.map((r) => [r.segment_id, r.n]))
  return Object.fromEntries(Object.entries(ids).map(([k, id]) => [k, bySegment[id] ?? 0]))
}

async function memberSets(sql, ids) {
  const rows = await sql(`SELECT segment_id, customer_id FROM customer_segment_membership WHERE deleted_at IS NULL AND segment_id = ANY($1)`, [
    Object.values(ids),
  ])
  const sets = Object.fromEntries(Object.keys(ids).map((k) => [k, new Set()]))
  const keyOf = Object.fromEntries(Object.entries(ids).map(([k, id]) => [id, k]))
  for (const r of rows) sets[keyOf[r.segment_id]].add(r.customer_id)
  return sets
}

const difference = (a, b) => {
  let n = 0
  for (const x of a) if (!b.has(x)) n++
  for (const x of b) if (!a.has(x)) n++
  return n
}

/** The event bus's queue (BullMQ under the prefix RedisEventBusService): waiting, prioritized and active jobs. */
async function queueDepth(redis) {
  const prefix = "RedisEventBusService:events-queue"
  const [wait, prioritized, active] = await Promise.all([redis.llen(`${prefix}:wait`), redis.zcard(`${prefix}:prioritized`), redis.llen(`${prefix}:active`)])
  return wait + prioritized + active
}

async function load(cluster, headers, ids, sql, redis) {
  // Change k of the cycle of kinds, those of `--skip-kinds` left out (the kept ones still one per customer).
  const changes = []
  for (let k = 0; changes.length < total; k++) {
    if (!skipKinds.has(BLOCKS[k % BLOCKS.length].kind)) changes.push({ k, seq: changes.length, ...changeFor(k, ids) })
  }
  const pending = new Set()
  const errors = []
  let answered = 0
  const t0 = performance.now()
  const now = () => performance.now() - t0

  const send = (change) => {
    const app = cluster.servers[change.seq % cluster.servers.length]
    change.server = app.name
    change.sent_at = now()
    pending.add(change)
    fetch(`${app.base}${change.path}`, {
      method: change.method,
      headers: { "content-type": "application/json", ...headers },
      body: change.body === undefined ? undefined : JSON.stringify(change.body),
    })
      .then(async (response) => {
        await response.arrayBuffer()
        change.answered_at = now()
        change.status = response.status
        answered++
        if (!response.ok) {
          change.error = `${response.status}`
          errors.push({ k: change.k, status: response.status, path: change.path })
          pending.delete(change)
        }
      })
      .catch((error) => {
        change.answered_at = now()
        change.error = `${error.message}${error.cause?.code ? ` (${error.cause.code})` : ""}`
        errors.push({ k: change.k, error: change.error, path: change.path })
        pending.delete(change)
      })
  }

  // Samplers: instances' RSS, event queue depth, every 500 ms.
  const samples = []
  const sampler = setInterval(async () => {
    const at = now()
    const rss = Object.fromEntries(cluster.all.map((a) => [a.name, round(treeRssKb(a.pid).kb / 1024)]))
    let depth = null
    try {
      depth = await queueDepth(redis)
    } catch {
      /* not readable */
    }
    samples.push({ t: Math.round(at), rss_mb: rss, queue: depth, pending: pending.size })
  }, 500)
  const cpuStart = Object.fromEntries(cluster.all.map((a) => [a.name, treeCpuSeconds(treeRssKb(a.pid).pids)]))

  // Poller: the pending changes whose effect shows in the membership table.
  let polls = 0
  let pollBusyMs = 0
  let stopPolling = false
  const poller = (async () => {
    while (!stopPolling) {
      const started = now()
      const batch = [...pending].filter((c) => c.sent_at !== undefined)
      if (batch.length) {
        // Only changes whose call answered can be lost; one still open is waited for.
        const rows = await sql(
          `SELECT segment_id, customer_id FROM customer_segment_membership WHERE deleted_at IS NULL AND segment_id = ANY($1) AND customer_id = ANY($2)`,
          [[...new Set(batch.map((c) => c.segment_id))], [...new Set(batch.map((c) => c.customer_id))]]
        )
        const present = new Set(rows.map((r) => `${r.segment_id}|${r.customer_id}`))
        for (const c of batch) {
          if (present.has(`${c.segment_id}|${c.customer_id}`) === c.expect_member) {
            c.seen_at = started
            pending.delete(c)
          } else if (c.answered_at !== undefined && started - c.answered_at > lostAfterMs) {
            c.lost = true
            pending.delete(c)
          }
        }
        polls++
        pollBusyMs += now() - started
      }
      const wait = pollMs - (now() - started)
      if (wait > 0) await sleep(wait)
    }
  })()

  // Open loop: change k is due at k / rate s.
  log(`load: ${total} changes at ${rate}/s over ${cluster.servers.length} servers`)
  let next = 0
  let maxLagMs = 0
  while (next < total) {
    const due = Math.floor((now() / 1000) * rate) + 1
    while (next < Math.min(due, total)) {
      maxLagMs = Math.max(maxLagMs, now() - (next / rate) * 1000)
      send(changes[next++])
    }
    await sleep(2)
  }
  const sendSeconds = now() / 1000
  log(`sent ${total} in ${sendSeconds.toFixed(1)} s; waiting for answers and effects`)
  const until = now() + lostAfterMs + 120_000
  while ((pending.size || answered + errors.filter((e) => e.error).length < total) && now() < until) await sleep(200)
  const answerSeconds = Math.max(...changes.filter((c) => c.answered_at !== undefined).map((c) => c.answered_at)) / 1000
  stopPolling = true
  await poller
  clearInterval(sampler)
  const cpu = Object.fromEntries(
    cluster.all.map((a) => [a.name, round(treeCpuSeconds(treeRssKb(a.pid).pids) - cpuStart[a.name])])
  )

  // Changes whose call never answered (still open when the wait ended; the cluster stops after) are neither
  // errors nor lost: counted apart.
  const unanswered = changes.filter((c) => c.answered_at === undefined)
  const ok = changes.filter((c) => !c.error && c.answered_at !== undefined)
  const latencies = ok.filter((c) => c.seen_at !== undefined).map((c) => Math.max(0, c.seen_at - c.answered_at))
  const answerMs = ok.filter((c) => c.answered_at !== undefined).map((c) => c.answered_at - c.sent_at)
  const lost = ok.filter((c) => c.seen_at === undefined)
  const byKind = {}
  for (const c of ok) {
    byKind[c.kind] ??= []
    if (c.seen_at !== undefined) byKind[c.kind].push(Math.max(0, c.seen_at - c.answered_at))
  }
  // Latency over time: p95 per 10 s window of sending.
  const windows = []
  for (let w = 0; w * 10 < seconds; w++) {
    const xs = ok.filter((c) => c.seen_at !== undefined && c.sent_at >= w * 10_000 && c.sent_at < (w + 1) * 10_000).map((c) => Math.max(0, c.seen_at - c.answered_at))
    windows.push({ from_s: w * 10, n: xs.length, p50_ms: round(quantile(xs, 0.5) ?? 0), p95_ms: round(quantile(xs, 0.95) ?? 0) })
  }
  const worker = cluster.workers[0].name
  return {
    changes: total,
    target_rate: rate,
    seconds,
    sent_rate: round(total / sendSeconds),
    answered_rate: round(answered / answerSeconds),
    max_send_lag_ms: round(maxLagMs),
    answered: answered,
    unanswered: unanswered.length,
    errors: errors.length,
    errors_by_kind: errors.reduce((acc, e) => ({ ...acc, [e.status ?? e.error]: (acc[e.status ?? e.error] ?? 0) + 1 }), {}),
    error_samples: errors.slice(0, 10),
    answer_ms: { p50: round(quantile(answerMs, 0.5)), p95: round(quantile(answerMs, 0.95)), max: round(Math.max(...answerMs)) },
    latency_ms: {
      n: latencies.length,
      p50: round(quantile(latencies, 0.5)),
      p95: round(quantile(latencies, 0.95)),
      p99: round(quantile(latencies, 0.99)),
      max: round(Math.max(...latencies)),
    },
    latency_by_kind_ms: Object.fromEntries(
      Object.entries(byKind).map(([k, xs]) => [k, { n: xs.length, p50: round(quantile(xs, 0.5)), p95: round(quantile(xs, 0.95)) }])
    ),
    latency_p95_by_10s_window: windows,
    lost: lost.length,
    lost_samples: lost.slice(0, 10).map((c) => ({ k: c.k, kind: c.kind, customer_id: c.customer_id, segment: c.segment })),
    polls,
    poll_mean_ms: round(pollBusyMs / Math.max(1, polls)),
    cpu_seconds: cpu,
    worker_rss_mb: {
      start: samples[0]?.rss_mb[worker],
      max: Math.max(...samples.map((s) => s.rss_mb[worker])),
      end: samples.at(-1)?.rss_mb[worker],
    },
    rss_max_mb: Object.fromEntries(cluster.all.map((a) => [a.name, Math.max(...samples.map((s) => s.rss_mb[a.name]))])),
    queue_max: Math.max(...samples.map((s) => s.queue ?? 0)),
    samples,
    ok_changes: ok.map((c) => c.k),
  }
}

/** Full refresh of each segment, then the members that differ from real time's and from the expected ones. */
async function refreshAndCompare(app, headers, ids, sql, okChanges) {
  const before = await memberSets(sql, ids)
  const expected = expectedMembers(size)
  for (const k of okChanges) {
    const c = changeFor(k, ids)
    if (c.expect_member) expected[c.segment].add(c.customer_id)
    else expected[c.segment].delete(c.customer_id)
  }
  const runs = {}
  for (const [key, id] of Object.entries(ids)) {
    const { data } = await call(app, "POST", `/admin/customer-segments/${id}/refresh`, {}, headers)
    runs[key] = data.run.id
  }
  const started = Date.now()
  const results = {}
  for (const [key, id] of Object.entries(ids)) {
    for (;;) {
      const { data } = await call(app, "GET", `/admin/customer-segments/${id}/runs?limit=10`, undefined, headers)
      const run = data.runs.find((r) => r.id === runs[key])
      if (run?.status === "succeeded" || run?.status === "failed") {
        results[key] = run
        break
      }
      if (Date.now() - started > 600_000) throw new Error(`refresh of ${key} not done after 10 min`)
      await sleep(500)
    }
  }
  const after = await memberSets(sql, ids)
  return Object.fromEntries(
    Object.keys(ids).map((key) => [
      key,
      {
        refresh_status: results[key].status,
        members_realtime: before[key].size,
        members_after_refresh: after[key].size,
        // What the answered changes imply: exact only when no call failed on the client's side (a call given up
        // by the client may still have been applied by its server).
        members_expected: expected[key].size,
        differ_realtime_vs_refresh: difference(before[key], after[key]),
        differ_realtime_vs_expected: difference(before[key], expected[key]),
        differ_refresh_vs_expected: difference(after[key], expected[key]),
      },
    ])
  )
}

async function main() {
  const unavailable = await redisUnavailable(redisBase)
  if (unavailable) throw new Error(unavailable)
  const out = { label: argv.label ?? null, skip_kinds: [...skipKinds], customers: size, blocks: BLOCKS, segments: SEGMENTS, servers: serverCount, workers: workerCount, env: extraEnv }
  out.load_average_start = os.loadavg()
  await prepareDatabase()
  const redisDb = await claimRedisDatabase(redisBase)
  const ports = []
  for (let i = 0; i < serverCount + workerCount; i++) ports.push(await kit.freePort())
  const cluster = startCluster(redisDb.url, ports)
  const stop = () => cluster.all.forEach((a) => a.stop())
  process.on("exit", stop)
  process.on("SIGINT", () => process.exit(130))
  const client = new pg.Client({ connectionString: `${server}/${DB}` })
  await client.connect()
  const sql = async (text, values = []) => (await client.query(text, values)).rows
  const redis = new Redis(redisDb.url, { maxRetriesPerRequest: 1 })
  try {
    await Promise.all(cluster.all.map((a) => kit.waitHealthy(a, 300_000)))
    log(`cluster up: ${cluster.all.map((a) => `${a.name} ${a.base} (pid ${a.pid})`).join(", ")}; Redis ${redisDb.url}`)
    const app = cluster.servers[0]
    const { data } = await call(app, "POST", "/auth/user/emailpass", { email: ADMIN.email, password: ADMIN.password })
    const headers = { authorization: `Bearer ${data.token}` }
    const setup = await setUpSegments(app, headers, sql)
    out.segment_ids = setup.ids
    out.backfill_seconds = setup.backfill_seconds
    out.rss_before_load_mb = Object.fromEntries(cluster.all.map((a) => [a.name, round(treeRssKb(a.pid).kb / 1024)]))
    await sleep(3000)
    out.load = await load(cluster, headers, setup.ids, sql, redis)
    // The full refresh is itself a job on the event queue: let real time's backlog drain first (lost changes included).
    const drainStarted = Date.now()
    while ((await queueDepth(redis)) > 0 && Date.now() - drainStarted < drainMs) await sleep(1000)
    out.drain_seconds = round((Date.now() - drainStarted) / 1000)
    out.queue_after_drain = await queueDepth(redis)
    log(`event queue drained in ${out.drain_seconds} s (${out.queue_after_drain} left)`)
    out.check = await refreshAndCompare(app, headers, setup.ids, sql, out.load.ok_changes)
    delete out.load.ok_changes
  } finally {
    await client.end()
    redis.disconnect()
    stop()
    // Each instance's output (LOG_LEVEL=warn: errors and warnings), for a run's 5xx answers.
    for (const a of cluster.all) fs.writeFileSync(path.join(os.tmpdir(), `bench-realtime-${a.name}.log`), a.output())
    log(`instance output: ${path.join(os.tmpdir(), "bench-realtime-<instance>.log")}`)
    await sleep(2000)
    await redisDb.release()
  }
  out.load_average_end = os.loadavg()
  const l = out.load
  console.log(`\n${size.toLocaleString("en")} customers, ${serverCount} servers + ${workerCount} worker(s), ${l.changes} changes at ${rate}/s\n`)
  console.log(
    `sent ${l.sent_rate}/s (max lag ${l.max_send_lag_ms} ms), answered ${l.answered_rate}/s, errors ${l.errors} ${JSON.stringify(l.errors_by_kind)}, ` +
      `unanswered ${l.unanswered}; answer p50 ${l.answer_ms.p50} p95 ${l.answer_ms.p95} ms`
  )
  console.log(`change → membership: p50 ${l.latency_ms.p50}, p95 ${l.latency_ms.p95}, p99 ${l.latency_ms.p99}, max ${l.latency_ms.max} ms (${l.latency_ms.n} seen); lost ${l.lost}`)
  console.log(`p95 per 10 s: ${l.latency_p95_by_10s_window.map((w) => `${w.from_s}s ${w.p95_ms}`).join(", ")}`)
  console.log(`worker RSS ${l.worker_rss_mb.start} → max ${l.worker_rss_mb.max} MB; CPU s ${JSON.stringify(l.cpu_seconds)}; event queue max ${l.queue_max}`)
  for (const [key, c] of Object.entries(out.check)) {
    console.log(`${key}: ${c.members_realtime} members by real time, ${c.members_after_refresh} after a full refresh (${c.differ_realtime_vs_refresh} differ), ${c.members_expected} expected (${c.differ_realtime_vs_expected} differ)`)
  }
  console.log(`load average ${out.load_average_start.map((x) => x.toFixed(1)).join(" ")} → ${out.load_average_end.map((x) => x.toFixed(1)).join(" ")}`)
  kit.writeResults(out)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
