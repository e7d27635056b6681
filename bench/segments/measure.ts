/**
 * Segment benchmark measurements, run inside the app by run.mjs:
 *
 *   npx medusa exec ./bench/segments/measure.ts out=bench/results/segments-100000.json \
 *     parts=refresh,realtime reps=3 batches=50000,5000 naive_budget_s=600 samples=500
 *
 * Expects the projection to be filled by generate.mjs (it truncates the
 * segment tables itself). Prints progress and writes the figures as JSON.
 *
 * refresh  For each representative rule (rules.ts), each from an empty
 *          membership of one segment: the hand-written single INSERT ... SELECT
 *          (the limit); the real full refresh (service.refreshSegmentMembers)
 *          for each batch size, then again with nothing to change (steady
 *          state); the naive loop (page through profiles and purchases, toFacts
 *          + evaluate in JS, bulk insert the matches). The member sets are
 *          compared.
 * realtime 50 active dynamic segments, refreshed; then for random customers a
 *          new order is written to their facts (untimed) and
 *          service.evaluateCustomerSegments is timed per customer, with
 *          changed ["*"] and with the attributes an order changes.
 */
import fs from "node:fs"
import path from "node:path"
import pg from "pg"
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { CUSTOMER_SEGMENT_MODULE } from "../../src/modules/customer_segment"
import type CustomerSegmentModuleService from "../../src/modules/customer_segment/service"
import { SqlParams, compileSql, evaluate, parse, print, summarizeRule, type RuleNode } from "../../src/modules/customer_segment/rules"
import { toFacts, type ProfileInput, type PurchaseInput } from "../../src/modules/customer_segment/sql/facts"
import { REPRESENTATIVE_RULES, realtimeQueries, type BenchRule } from "./rules"

/** Must match GENERATED_NOW in generate.mjs: relative dates resolve against the generated data's "now". */
const NOW = new Date("2026-06-01T12:00:00Z")
const REALISTIC_CHANGE = ["amount_spent", "average_order_value", "number_of_orders", "last_order_date", "products_purchased"]
const NAIVE_PAGE = 5000
const INSERT_CHUNK = 10000
const PROFILE_FIELDS =
  "customer_id, email, first_name, last_name, has_account, customer_added_at, group_ids, source_ids, countries, " +
  "provinces, cities, orders_count, spend, first_order_at, last_order_at, metadata, open_carts"
const PURCHASE_FIELDS = "customer_id, order_id, product_id, collection_id, category_ids, type_id, quantity, purchased_at"
const NEW_ID = "'csegm_' || replace(gen_random_uuid()::text, '-', '')"

type Options = {
  out: string
  parts: string[]
  reps: number
  batches: number[]
  naiveBudgetMs: number
  samples: number
  warmup: number
  only: string[] | null
  /** ANALYZE the membership table between the full and the steady refresh (else its statistics are those of the truncated table). */
  analyzeBeforeSteady: boolean
  /** Stop each real-time series after this long (the samples taken are reported). */
  realtimeBudgetMs: number
  /**
   * How the 50 real-time segments get their members: "refresh" (refreshSegmentMembers, timed and
   * reported) or "sql" (one INSERT ... SELECT per segment over the compiled rule: quicker at 1M).
   */
  populate: "refresh" | "sql"
  /** Run the naive JS loop (naive=0 skips it). */
  naive: boolean
  /** The commit measured, as run.mjs saw it (recorded in the JSON). */
  commit: string | null
}

function options(args: string[] | undefined): Options {
  const map = new Map((args ?? []).map((a) => a.split("=") as [string, string]))
  const list = (key: string, fallback: string) => (map.get(key) ?? fallback).split(",").filter(Boolean)
  return {
    out: map.get("out") ?? "bench/results/segments.json",
    parts: list("parts", "refresh,realtime"),
    reps: Number(map.get("reps") ?? 3),
    batches: list("batches", "50000,5000").map(Number),
    naiveBudgetMs: Number(map.get("naive_budget_s") ?? 600) * 1000,
    samples: Number(map.get("samples") ?? 500),
    warmup: Number(map.get("warmup") ?? 50),
    only: map.has("only") ? list("only", "") : null,
    analyzeBeforeSteady: map.get("analyze_before_steady") === "1",
    realtimeBudgetMs: Number(map.get("realtime_budget_s") ?? 900) * 1000,
    populate: map.get("populate") === "sql" ? "sql" : "refresh",
    naive: map.get("naive") !== "0",
    commit: map.get("commit") ?? null,
  }
}

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]
}
const log = (line: string) => console.log(`[bench] ${line}`)

/**
 * This process's resident memory, MB: now (VmRSS) and the peak since the last
 * resetPeak (VmHWM; the kernel tracks it, so nothing between two samples is missed).
 */
const memory = () => {
  const status = fs.readFileSync("/proc/self/status", "utf8")
  const kb = (key: string) => Number(status.match(new RegExp(`${key}:\\s+(\\d+)`))?.[1] ?? NaN)
  return { rss_mb: kb("VmRSS") / 1024, peak_mb: kb("VmHWM") / 1024 }
}
/** Resets VmHWM to the current RSS (Linux: writing 5 to /proc/self/clear_refs). */
const resetPeak = () => fs.writeFileSync("/proc/self/clear_refs", "5")

/** Runs `fn` and reports this process's RSS before it and its peak during it. */
async function withMemory<T>(fn: () => Promise<T>): Promise<{ result: T; rss_before_mb: number; rss_peak_mb: number }> {
  resetPeak()
  const before = memory().rss_mb
  const result = await fn()
  return { result, rss_before_mb: before, rss_peak_mb: memory().peak_mb }
}

async function fresh(db: pg.Client) {
  await db.query("TRUNCATE customer_segment_membership")
  await db.query("CHECKPOINT")
}

/** Keeps a copy of a segment's member set under `method` for the comparison. */
async function snapshot(db: pg.Client, method: string, segmentId: string) {
  await db.query("DELETE FROM bench_members WHERE method = $1", [method])
  await db.query(
    `INSERT INTO bench_members (method, customer_id)
     SELECT $1, customer_id FROM customer_segment_membership WHERE segment_id = $2 AND deleted_at IS NULL`,
    [method, segmentId]
  )
}

async function handWritten(db: pg.Client, rule: BenchRule, segmentId: string) {
  const started = process.hrtime.bigint()
  const result = await db.query(
    `INSERT INTO customer_segment_membership (id, segment_id, customer_id, source, matched_at, created_at, updated_at)
     SELECT ${NEW_ID}, $1, p.customer_id, 'rule', now(), now(), now()
     FROM customer_profile p WHERE p.deleted_at IS NULL AND ${rule.hand}`,
    [segmentId, ...rule.params(NOW)]
  )
  return { ms: ms(started), matched: result.rowCount ?? 0 }
}

/** The Magento approach: load every customer's facts into the application, evaluate there, bulk insert the matches. */
async function naiveLoop(db: pg.Client, rule: RuleNode, segmentId: string, total: number, budgetMs: number) {
  const needsPurchases = summarizeRule(rule).attributes.includes("products_purchased")
  const started = process.hrtime.bigint()
  let loadMs = 0
  let evalMs = 0
  let after = ""
  let processed = 0
  let purchasesRead = 0
  const matched: string[] = []
  let complete = true
  for (;;) {
    const loadStart = process.hrtime.bigint()
    const { rows: profiles } = await db.query<ProfileInput>(
      `SELECT ${PROFILE_FIELDS} FROM customer_profile WHERE deleted_at IS NULL AND customer_id > $1 ORDER BY customer_id LIMIT $2`,
      [after, NAIVE_PAGE]
    )
    if (profiles.length === 0) {
      break
    }
    const purchases = needsPurchases
      ? (
          await db.query<PurchaseInput>(
            `SELECT ${PURCHASE_FIELDS} FROM customer_purchase WHERE customer_id = ANY($1::text[]) AND deleted_at IS NULL`,
            [profiles.map((p) => p.customer_id)]
          )
        ).rows
      : []
    loadMs += ms(loadStart)
    const evalStart = process.hrtime.bigint()
    const byCustomer = new Map<string, PurchaseInput[]>()
    for (const purchase of purchases) {
      const list = byCustomer.get(purchase.customer_id)
      if (list) {
        list.push(purchase)
      } else {
        byCustomer.set(purchase.customer_id, [purchase])
      }
    }
    for (const profile of profiles) {
      if (evaluate(rule, toFacts(profile, byCustomer.get(profile.customer_id) ?? []), { now: NOW, cart: null })) {
        matched.push(profile.customer_id)
      }
    }
    evalMs += ms(evalStart)
    processed += profiles.length
    purchasesRead += purchases.length
    after = profiles[profiles.length - 1].customer_id
    if (profiles.length < NAIVE_PAGE) {
      break
    }
    if (ms(started) > budgetMs) {
      complete = false
      break
    }
  }
  const insertStart = process.hrtime.bigint()
  for (let i = 0; i < matched.length; i += INSERT_CHUNK) {
    await db.query(
      `INSERT INTO customer_segment_membership (id, segment_id, customer_id, source, matched_at, created_at, updated_at)
       SELECT ${NEW_ID}, $1, c, 'rule', now(), now(), now() FROM unnest($2::text[]) AS c`,
      [segmentId, matched.slice(i, i + INSERT_CHUNK)]
    )
  }
  const insertMs = ms(insertStart)
  const elapsed = ms(started)
  return {
    ms: elapsed,
    /** The whole table's time: measured, or scaled from the part processed within the budget. */
    total_ms: complete ? elapsed : (elapsed * total) / processed,
    complete,
    processed,
    upto: after,
    purchases_read: purchasesRead,
    matched: matched.length,
    load_ms: loadMs,
    eval_ms: evalMs,
    insert_ms: insertMs,
  }
}

async function createSegment(service: CustomerSegmentModuleService, name: string, query: string) {
  const rule = parse(query)
  const summary = summarizeRule(rule)
  const [segment] = await service.createCustomerSegments([
    {
      name,
      kind: "dynamic",
      applies_to: "both",
      status: "active",
      rule: rule as unknown as Record<string, unknown>,
      query: print(rule),
      attributes: summary.attributes,
      relative_dates: summary.relative_dates,
    },
  ])
  return { id: segment.id as string, rule }
}

async function refreshPart(service: CustomerSegmentModuleService, db: pg.Client, opts: Options, customers: number) {
  await db.query("TRUNCATE customer_segment, customer_segment_membership, customer_segment_refresh_run")
  // As after a backfill: the projection analysed (statistics.ts measures the other states).
  await service.analyzeCustomerFacts()
  await db.query("CREATE UNLOGGED TABLE IF NOT EXISTS bench_members (method text NOT NULL, customer_id text NOT NULL)")
  await db.query("TRUNCATE bench_members")
  // Warm the caches the same way for every method: read both tables once.
  await db.query("SELECT count(*) FROM customer_profile WHERE deleted_at IS NULL")
  await db.query("SELECT count(*) FROM customer_purchase WHERE deleted_at IS NULL")
  const results = []
  for (const benchRule of REPRESENTATIVE_RULES.filter((r) => !opts.only || opts.only.includes(r.key))) {
    const { id, rule } = await createSegment(service, benchRule.name, benchRule.query)
    log(`rule ${benchRule.key}: ${benchRule.query}`)
    const hand: number[] = []
    let handMatched = 0
    const refresh: Record<
      string,
      { full: number[]; steady: number[]; reported: number[]; matched: number; rss_before: number[]; rss_peak: number[]; steady_rss_peak: number[] }
    > = {}
    for (const size of opts.batches) {
      refresh[size] = { full: [], steady: [], reported: [], matched: 0, rss_before: [], rss_peak: [], steady_rss_peak: [] }
    }
    for (let rep = 0; rep < opts.reps; rep += 1) {
      await fresh(db)
      const h = await handWritten(db, benchRule, id)
      hand.push(h.ms)
      handMatched = h.matched
      if (rep === opts.reps - 1) {
        await snapshot(db, "hand", id)
      }
      log(`  rep ${rep + 1} hand-written: ${h.ms.toFixed(0)} ms (${h.matched} members)`)
      for (const size of opts.batches) {
        await fresh(db)
        let started = process.hrtime.bigint()
        const fullRun = await withMemory(() => service.refreshSegmentMembers(id, { now: NOW, batch_size: size }))
        const full = fullRun.result
        const fullMs = ms(started)
        if (opts.analyzeBeforeSteady) {
          await db.query("ANALYZE customer_segment_membership")
        }
        started = process.hrtime.bigint()
        const steadyRun = await withMemory(() => service.refreshSegmentMembers(id, { now: NOW, batch_size: size }))
        const steady = steadyRun.result
        const steadyMs = ms(started)
        refresh[size].rss_before.push(fullRun.rss_before_mb)
        refresh[size].rss_peak.push(fullRun.rss_peak_mb)
        refresh[size].steady_rss_peak.push(steadyRun.rss_peak_mb)
        refresh[size].full.push(fullMs)
        refresh[size].steady.push(steadyMs)
        refresh[size].reported.push(full.duration_ms)
        refresh[size].matched = full.matched
        if (steady.added || steady.removed || full.added !== full.matched) {
          log(`  !! unexpected refresh result: full ${JSON.stringify(full)} steady ${JSON.stringify(steady)}`)
        }
        if (rep === opts.reps - 1) {
          await snapshot(db, `refresh_${size}`, id)
        }
        log(
          `  rep ${rep + 1} refresh batch ${size}: full ${fullMs.toFixed(0)} ms (${full.added} added), steady ${steadyMs.toFixed(0)} ms; ` +
            `RSS ${fullRun.rss_before_mb.toFixed(0)} MB before, peak ${fullRun.rss_peak_mb.toFixed(0)} MB (full), ${steadyRun.rss_peak_mb.toFixed(0)} MB (steady)`
        )
      }
    }
    await fresh(db)
    const naive = opts.naive ? await naiveLoop(db, rule, id, customers, opts.naiveBudgetMs) : null
    if (naive) {
      await snapshot(db, "naive", id)
    }
    log(
      naive === null
        ? "  naive loop: skipped"
        : `  naive loop: ${naive.ms.toFixed(0)} ms for ${naive.processed} customers` +
        `${naive.complete ? "" : ` (budget reached; whole table ~${naive.total_ms.toFixed(0)} ms)`}, ${naive.matched} members`
    )
    await fresh(db)
    // Same member set? Symmetric differences against the hand-written statement (within what the naive loop covered).
    const { rows: diff } = await db.query<{ method: string; missing: number; extra: number; n: number }>(
      `WITH h AS (SELECT customer_id FROM bench_members WHERE method = 'hand')
       SELECT m.method,
         (SELECT count(*)::int FROM bench_members x WHERE x.method = m.method) AS n,
         (SELECT count(*)::int FROM h WHERE (m.method <> 'naive' OR h.customer_id <= $1)
            AND NOT EXISTS (SELECT 1 FROM bench_members x WHERE x.method = m.method AND x.customer_id = h.customer_id)) AS missing,
         (SELECT count(*)::int FROM bench_members x WHERE x.method = m.method
            AND NOT EXISTS (SELECT 1 FROM h WHERE h.customer_id = x.customer_id)) AS extra
       FROM (SELECT DISTINCT method FROM bench_members) m ORDER BY m.method`,
      [!naive || naive.complete ? "\uffff" : naive.upto]
    )
    const same = diff.every((d) => d.missing === 0 && d.extra === 0)
    log(`  same member set: ${same ? "yes" : "NO"} ${JSON.stringify(diff)}`)
    await db.query("TRUNCATE bench_members")
    results.push({
      key: benchRule.key,
      name: benchRule.name,
      query: benchRule.query,
      hand_sql: benchRule.hand.replace(/\s+/g, " "),
      matched: handMatched,
      hand_ms: median(hand),
      hand_runs_ms: hand,
      refresh: Object.fromEntries(
        Object.entries(refresh).map(([size, r]) => [
          size,
          {
            full_ms: median(r.full),
            steady_ms: median(r.steady),
            reported_ms: median(r.reported),
            full_runs_ms: r.full,
            steady_runs_ms: r.steady,
            matched: r.matched,
            rss_before_mb: r.rss_before,
            rss_peak_mb: r.rss_peak,
            steady_rss_peak_mb: r.steady_rss_peak,
          },
        ])
      ),
      naive,
      same,
      diff,
    })
  }
  await db.query("DROP TABLE IF EXISTS bench_members")
  return results
}

/** A new order on a customer's facts, as the real-time sync would write it (untimed). */
async function placeOrder(db: pg.Client, customerId: string, n: number) {
  const placed = new Date(NOW.getTime() - 60 * 60 * 1000)
  await db.query(
    `UPDATE customer_profile SET orders_count = orders_count + 1,
       spend = spend || jsonb_build_object('eur', jsonb_build_object(
         'amount', COALESCE((spend -> 'eur' ->> 'amount')::float8, 0) + $2::float8,
         'orders', COALESCE((spend -> 'eur' ->> 'orders')::int, 0) + 1)),
       first_order_at = COALESCE(first_order_at, $3), last_order_at = $3, updated_at = now()
     WHERE customer_id = $1 AND deleted_at IS NULL`,
    [customerId, 180 + (n % 7) * 60, placed]
  )
  await db.query(
    `INSERT INTO customer_purchase (id, customer_id, order_id, product_id, collection_id, category_ids, type_id, quantity, purchased_at)
     VALUES ($1, $2, $3, 'prod_bench_12', 'pcol_bench_2', ARRAY['pcat_bench_1'], 'ptyp_bench_0', 2, $4)`,
    [`cpur_bench_rt_${n}`, customerId, `order_bench_rt_${n}`, placed]
  )
  await db.query(
    `INSERT INTO customer_order (id, customer_id, order_id, currency_code, total, raw_total, placed_at)
     VALUES ($1, $2, $3, 'eur', $4::numeric, jsonb_build_object('value', ($4::numeric)::text, 'precision', 20), $5)`,
    [`cord_bench_rt_${n}`, customerId, `order_bench_rt_${n}`, 180 + (n % 7) * 60, placed]
  )
}

async function realtimePart(service: CustomerSegmentModuleService, db: pg.Client, opts: Options) {
  await db.query("TRUNCATE customer_segment, customer_segment_membership, customer_segment_refresh_run")
  await db.query("DELETE FROM customer_purchase WHERE id LIKE 'cpur_bench_rt_%'")
  await db.query("DELETE FROM customer_order WHERE id LIKE 'cord_bench_rt_%'")
  const queries = realtimeQueries()
  if (queries.length !== 50) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `expected 50 real-time segments, got ${queries.length}`)
  }
  const segments = []
  for (const [i, query] of queries.entries()) {
    segments.push(await createSegment(service, `bench ${i + 1}`, query))
  }
  log(`created ${segments.length} active dynamic segments; filling them (${opts.populate === "sql" ? "one INSERT ... SELECT each" : "refreshSegmentMembers, batch 50000"})`)
  const refreshStart = process.hrtime.bigint()
  let members = 0
  for (const segment of segments) {
    if (opts.populate === "sql") {
      const params = new SqlParams()
      const segmentId = params.add(segment.id, "text")
      const compiled = compileSql(segment.rule, { now: NOW, alias: "p", params })
      const result = await db.query(
        `INSERT INTO customer_segment_membership (id, segment_id, customer_id, source, matched_at, created_at, updated_at)
         SELECT ${NEW_ID}, ${segmentId}, p.customer_id, 'rule', now(), now(), now() FROM customer_profile p
         WHERE p.deleted_at IS NULL AND ${compiled.sql}`,
        compiled.params
      )
      await db.query("UPDATE customer_segment SET member_count = $2 WHERE id = $1", [segment.id, result.rowCount ?? 0])
      members += result.rowCount ?? 0
    } else {
      members += (await service.refreshSegmentMembers(segment.id, { now: NOW, batch_size: 50000 })).matched
    }
  }
  const refreshAllMs = ms(refreshStart)
  log(`filled 50 segments in ${(refreshAllMs / 1000).toFixed(1)} s (${members} memberships)`)
  await db.query("VACUUM ANALYZE customer_segment_membership")

  const { rows: picked } = await db.query<{ customer_id: string }>(
    `SELECT customer_id FROM customer_profile WHERE deleted_at IS NULL ORDER BY md5(customer_id || 'realtime') LIMIT $1`,
    [opts.warmup + 2 * opts.samples]
  )
  const ids = picked.map((r) => r.customer_id)
  let n = 0
  const run = async (customerIds: string[], changed: string[]) => {
    const times: number[] = []
    let changes = 0
    const begun = process.hrtime.bigint()
    for (const customerId of customerIds) {
      if (ms(begun) > opts.realtimeBudgetMs) {
        log(`  real-time budget reached after ${times.length} samples`)
        break
      }
      await placeOrder(db, customerId, (n += 1))
      const started = process.hrtime.bigint()
      const applied = await service.evaluateCustomerSegments([{ customer_id: customerId, changed }], NOW)
      times.push(ms(started))
      changes += applied.reduce((sum, c) => sum + c.added.length + c.removed.length, 0)
    }
    return times.length
      ? {
          samples: times.length,
          p50_ms: percentile(times, 50),
          p95_ms: percentile(times, 95),
          p99_ms: percentile(times, 99),
          max_ms: Math.max(...times),
          mean_ms: times.reduce((a, b) => a + b, 0) / times.length,
          membership_changes_per_call: changes / times.length,
        }
      : null
  }
  await run(ids.slice(0, opts.warmup), ["*"])
  const all = await run(ids.slice(opts.warmup, opts.warmup + opts.samples), ["*"])
  const realistic = await run(ids.slice(opts.warmup + opts.samples), REALISTIC_CHANGE)
  const affected = segments.filter((s) => summarizeRule(s.rule).attributes.some((a) => REALISTIC_CHANGE.includes(a))).length
  log(`real time, changed ["*"] (50 segments): ${JSON.stringify(all)}`)
  log(`real time, changed order attributes (${affected} segments): ${JSON.stringify(realistic)}`)
  await db.query("DELETE FROM customer_purchase WHERE id LIKE 'cpur_bench_rt_%'")
  await db.query("DELETE FROM customer_order WHERE id LIKE 'cord_bench_rt_%'")
  return { segments: segments.length, populate: opts.populate, refresh_all_ms: refreshAllMs, memberships: members, all, realistic, realistic_segments: affected, realistic_changed: REALISTIC_CHANGE }
}

export default async function benchSegments({ container, args }: ExecArgs) {
  const opts = options(args)
  const service = container.resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE)
  const config = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  const db = new pg.Client({ connectionString: config.projectConfig.databaseUrl })
  await db.connect()
  try {
    const { rows: [counts] } = await db.query<{ customers: number; orders: number; purchases: number }>(
      `SELECT (SELECT count(*)::int FROM customer_profile WHERE deleted_at IS NULL) AS customers,
         (SELECT COALESCE(sum(orders_count), 0)::int FROM customer_profile WHERE deleted_at IS NULL) AS orders,
         (SELECT count(*)::int FROM customer_purchase WHERE deleted_at IS NULL) AS purchases`
    )
    log(`data: ${JSON.stringify(counts)}; options: ${JSON.stringify(opts)}`)
    const out: Record<string, unknown> = { ...counts, options: opts, started_at: new Date().toISOString() }
    if (opts.parts.includes("refresh")) {
      out.rules = await refreshPart(service, db, opts, counts.customers)
    }
    if (opts.parts.includes("realtime")) {
      out.realtime = await realtimePart(service, db, opts)
    }
    out.finished_at = new Date().toISOString()
    fs.mkdirSync(path.dirname(path.resolve(opts.out)), { recursive: true })
    fs.writeFileSync(path.resolve(opts.out), JSON.stringify(out, null, 2))
    log(`wrote ${opts.out}`)
  } finally {
    await db.end()
  }
}
