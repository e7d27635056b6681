/**
 * Refresh time against the planner's statistics, run inside the app by run.mjs (part "statistics"):
 *
 *   npx medusa exec ./bench/segments/statistics.ts out=bench/results/statistics-1000000.json reps=3 batch=5000
 *
 * For three profile rules, beside two hand-written statements computing the same set (SELECT
 * count(*)), alternated in one run: one over Medusa's own tables (customer, customer_group_customer,
 * customer_address, written from the generated projection first: what a merchant's store holds)
 * and one over customer_profile (the projection: a stricter bound). Each in three states of the
 * plugin's tables:
 *   none      no statistics at all (as a bulk write leaves them on a server without autovacuum, or
 *             before autovacuum runs);
 *   backfill  what the plugin leaves after its backfill (it analyses the projection at its end; the
 *             membership table is analysed by a refresh that changed much of it);
 *   analyze   after a manual ANALYZE of every plugin table.
 * In each state: a full refresh (the segment's first, from no members: memberships are written) and
 * a steady one (members in place, nothing to change); every member set is checked against the hand
 * statement. Relative dates resolve against the generated data's "now".
 */
import fs from "node:fs"
import path from "node:path"
import pg from "pg"
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CUSTOMER_SEGMENT_MODULE } from "../../src/modules/customer_segment"
import { parse, print, summarizeRule } from "../../src/modules/customer_segment/rules"
import type CustomerSegmentModuleService from "../../src/modules/customer_segment/service"

const NOW = new Date("2026-06-01T12:00:00Z")
const DAY = 24 * 60 * 60 * 1000
const TABLES = ["customer_profile", "customer_purchase", "customer_order", "customer_segment_membership"]
const STATES = ["none", "backfill", "analyze"] as const
type State = (typeof STATES)[number]

const YEAR_AGO = new Date(Date.UTC(NOW.getUTCFullYear() - 1, NOW.getUTCMonth(), NOW.getUTCDate()))
const inGroup = (group: string) =>
  `EXISTS (SELECT 1 FROM customer_group_customer g WHERE g.customer_id = c.id AND g.deleted_at IS NULL AND g.customer_group_id = '${group}')`
const inCountries = (codes: string[]) =>
  `EXISTS (SELECT 1 FROM customer_address a WHERE a.customer_id = c.id AND a.deleted_at IS NULL AND lower(a.country_code) IN (${codes.map((c) => `'${c}'`).join(", ")}))`

/**
 * The issue's three profile rules, on the generated data (bench groups, countries, domains):
 * `hand` over the projection, `medusa` over Medusa's tables (c = customer).
 */
const RULES = [
  {
    key: "vip_de",
    query: "customer_groups CONTAINS 'cusgroup_bench_vip' AND countries CONTAINS 'de'",
    hand: `'cusgroup_bench_vip' = ANY(p.group_ids) AND 'de' = ANY(p.countries)`,
    medusa: `${inGroup("cusgroup_bench_vip")} AND ${inCountries(["de"])}`,
    params: [] as unknown[],
  },
  {
    key: "domains_or_recent",
    query: "email_domain IN ('web.de', 'gmx.de', 'acme.io') OR customer_added_date >= -365d",
    hand: `(split_part(p.email, '@', 2) IN ('web.de', 'gmx.de', 'acme.io') OR p.customer_added_at >= $1)`,
    medusa: `(lower(split_part(c.email, '@', 2)) IN ('web.de', 'gmx.de', 'acme.io') OR c.created_at >= $1)`,
    params: [YEAR_AGO],
  },
  {
    key: "no_group_us_ca",
    query: "customer_groups IS NULL AND countries IN ('us', 'ca')",
    hand: `cardinality(p.group_ids) = 0 AND p.countries && ARRAY['us', 'ca']`,
    medusa: `NOT EXISTS (SELECT 1 FROM customer_group_customer g WHERE g.customer_id = c.id AND g.deleted_at IS NULL) AND ${inCountries(["us", "ca"])}`,
    params: [],
  },
]

/**
 * Medusa's customer tables filled from the generated projection (same customers, emails, creation
 * dates, groups and address countries), then analysed: the store the hand statements read.
 */
async function fillMedusaTables(db: pg.Client) {
  const { rows: [{ n }] } = await db.query("SELECT count(*)::int AS n FROM customer WHERE id LIKE 'cus_01BENCH%'")
  const { rows: [{ m }] } = await db.query("SELECT count(*)::int AS m FROM customer_profile")
  if (n === m) {
    return
  }
  log(`writing ${m} customers, their groups and addresses into Medusa's tables`)
  await db.query("DELETE FROM customer_group_customer WHERE customer_id LIKE 'cus_01BENCH%'")
  await db.query("DELETE FROM customer_address WHERE customer_id LIKE 'cus_01BENCH%'")
  await db.query("DELETE FROM customer WHERE id LIKE 'cus_01BENCH%'")
  await db.query(
    `INSERT INTO customer_group (id, name) SELECT DISTINCT g, g FROM customer_profile, unnest(group_ids) g ON CONFLICT DO NOTHING`
  )
  await db.query(
    `INSERT INTO customer (id, email, first_name, last_name, has_account, created_at, updated_at)
     SELECT customer_id, email, first_name, last_name, has_account, customer_added_at, customer_added_at FROM customer_profile`
  )
  await db.query(
    `INSERT INTO customer_group_customer (id, customer_id, customer_group_id)
     SELECT 'cusgc_' || p.customer_id || '_' || g, p.customer_id, g FROM customer_profile p, unnest(p.group_ids) g`
  )
  await db.query(
    `INSERT INTO customer_address (id, customer_id, country_code, city)
     SELECT 'cuaddr_' || p.customer_id || '_' || c, p.customer_id, upper(c), p.cities[1] FROM customer_profile p, unnest(p.countries) c`
  )
  await db.query("ANALYZE customer, customer_group_customer, customer_address")
}

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]
const log = (line: string) => console.log(`[statistics] ${line}`)

/** Puts the tables' statistics in a state (as superuser: forgetting them is writing pg_statistic and pg_class). */
async function setState(db: pg.Client, service: CustomerSegmentModuleService, state: State) {
  const oids = TABLES.map((t) => `'${t}'::regclass`).join(", ")
  await db.query(`DELETE FROM pg_statistic WHERE starelid IN (${oids})`)
  await db.query(`UPDATE pg_class SET reltuples = -1, relpages = 0, relallvisible = 0 WHERE oid IN (${oids})`)
  if (state === "backfill") {
    await service.analyzeCustomerFacts()
  }
  if (state === "analyze") {
    await db.query(`ANALYZE ${TABLES.join(", ")}`)
  }
}

export default async function benchStatistics({ container, args }: ExecArgs) {
  const options = new Map((args ?? []).map((a) => a.split("=") as [string, string]))
  const reps = Number(options.get("reps") ?? 3)
  const batch = Number(options.get("batch") ?? 5000)
  const out = options.get("out") ?? "bench/results/statistics.json"
  const service = container.resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE)
  const config = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  const db = new pg.Client({ connectionString: config.projectConfig.databaseUrl })
  await db.connect()
  const results = []
  try {
    const { rows: [{ customers }] } = await db.query("SELECT count(*)::int AS customers FROM customer_profile")
    log(`${customers} customers; reps ${reps}, batch ${batch}`)
    await db.query("TRUNCATE customer_segment, customer_segment_membership, customer_segment_refresh_run")
    await fillMedusaTables(db)
    for (const benchRule of RULES) {
      const rule = parse(benchRule.query)
      const [segment] = await service.createCustomerSegments([
        { name: benchRule.key, rule: rule as unknown as Record<string, unknown>, query: print(rule), ...summarizeRule(rule) },
      ])
      for (const state of STATES) {
        const hand: number[] = []
        const medusa: number[] = []
        const full: number[] = []
        const steady: number[] = []
        let members = 0
        let same = true
        for (let rep = 0; rep < reps; rep += 1) {
          await db.query("DELETE FROM customer_segment_membership WHERE segment_id = $1", [segment.id])
          await setState(db, service, state)
          let started = process.hrtime.bigint()
          const first = await service.refreshSegmentMembers(segment.id, { now: NOW, batch_size: batch })
          full.push(ms(started))
          started = process.hrtime.bigint()
          const { rows: [count] } = await db.query(
            `SELECT count(*)::int AS n FROM customer_profile p WHERE p.deleted_at IS NULL AND ${benchRule.hand}`,
            benchRule.params
          )
          hand.push(ms(started))
          started = process.hrtime.bigint()
          const { rows: [overMedusa] } = await db.query(
            `SELECT count(*)::int AS n FROM customer c WHERE c.deleted_at IS NULL AND ${benchRule.medusa}`,
            benchRule.params
          )
          medusa.push(ms(started))
          started = process.hrtime.bigint()
          const again = await service.refreshSegmentMembers(segment.id, { now: NOW, batch_size: batch })
          steady.push(ms(started))
          const { rows: [diff] } = await db.query(
            `SELECT count(*)::int AS n FROM (
               (SELECT customer_id FROM customer_segment_membership WHERE segment_id = $1
                EXCEPT SELECT p.customer_id FROM customer_profile p WHERE ${benchRule.hand.replace(/\$1/g, "$2")})
               UNION ALL
               (SELECT p.customer_id FROM customer_profile p WHERE ${benchRule.hand.replace(/\$1/g, "$2")}
                EXCEPT SELECT customer_id FROM customer_segment_membership WHERE segment_id = $1)) d`,
            [segment.id, ...benchRule.params]
          )
          members = count.n
          same &&= diff.n === 0 && first.matched === count.n && overMedusa.n === count.n && again.added + again.removed === 0
          log(`${benchRule.key} [${state}] rep ${rep + 1}: refresh ${full.at(-1)!.toFixed(0)} ms, hand ${hand.at(-1)!.toFixed(0)} ms, over Medusa's tables ${medusa.at(-1)!.toFixed(0)} ms (${overMedusa.n}), steady ${steady.at(-1)!.toFixed(0)} ms (${count.n} members${diff.n ? `, ${diff.n} DIFFER` : ""})`)
        }
        results.push({
          rule: benchRule.key,
          query: benchRule.query,
          state,
          members,
          same,
          hand_ms: median(hand),
          medusa_ms: median(medusa),
          full_ms: median(full),
          steady_ms: median(steady),
          full_ratio: median(full) / median(hand),
          steady_ratio: median(steady) / median(hand),
          steady_to_medusa: median(steady) / median(medusa),
          full_to_medusa: median(full) / median(medusa),
          runs: { hand, medusa, full, steady },
        })
      }
    }
    fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true })
    fs.writeFileSync(path.resolve(out), JSON.stringify({ customers, reps, batch, rules: results }, null, 2))
    log(`wrote ${out}`)
    for (const r of results) {
      log(`${r.rule.padEnd(18)} ${r.state.padEnd(8)} members ${String(r.members).padStart(8)}  projection ${r.hand_ms.toFixed(0).padStart(5)} ms  ` +
        `Medusa ${r.medusa_ms.toFixed(0).padStart(5)} ms  refresh ${r.full_ms.toFixed(0).padStart(6)} ms (${r.full_ratio.toFixed(2)}× / ${r.full_to_medusa.toFixed(2)}×)  ` +
        `steady ${r.steady_ms.toFixed(0).padStart(5)} ms (${r.steady_ratio.toFixed(2)}× / ${r.steady_to_medusa.toFixed(2)}×)  same ${r.same}`)
    }
  } finally {
    await db.end()
  }
}
