/**
 * Diagnosis helper (not part of the figures): EXPLAIN ANALYZE, inside a
 * rolled-back transaction, of the statements the refresh and the real-time
 * path run, on the data a measure.ts run left behind (50 segments and their
 * memberships after the realtime part).
 *
 *   DATABASE_URL=postgres://postgres@localhost:5432/mcs_bench npx medusa exec ./bench/segments/explain.ts
 *
 * The statements are written out here as memberships.ts builds them (same
 * text, bindings as $n): the batched refresh CTE for one batch of 50,000 in
 * steady state, and the real-time membership DELETE, each as is and with
 * `deleted_at IS NULL` added (which lets the partial indexes apply).
 */
import pg from "pg"
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { compileSql, type RuleNode } from "../../src/modules/customer_segment/rules"

const NOW = new Date("2026-06-01T12:00:00Z")

/** knex `?` placeholders to `$n`, starting at `from`. */
const dollars = (sql: string, from = 1) => {
  let i = from - 1
  return sql.replace(/\?/g, () => `$${(i += 1)}`)
}

async function explain(db: pg.Client, title: string, sql: string, params: unknown[], before?: [string, unknown[]]) {
  await db.query("BEGIN")
  try {
    if (before) {
      await db.query(before[0], before[1])
    }
    const { rows } = await db.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`, params)
    console.log(`\n=== ${title}\n${rows.map((r) => r["QUERY PLAN"]).join("\n")}`)
  } finally {
    await db.query("ROLLBACK")
  }
}

export default async function explainSegments({ container, args }: ExecArgs) {
  const key = (args ?? []).find((a) => a.startsWith("segment_query="))?.slice("segment_query=".length) ?? "last_order_date < -180d AND number_of_orders >= 1"
  const config = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  const db = new pg.Client({ connectionString: config.projectConfig.databaseUrl })
  await db.connect()
  try {
    const { rows: [segment] } = await db.query<{ id: string; rule: RuleNode }>(
      "SELECT id, rule FROM customer_segment WHERE query = $1 AND deleted_at IS NULL LIMIT 1",
      [key]
    )
    const { rows: [sizes] } = await db.query(
      "SELECT (SELECT count(*)::int FROM customer_profile) AS customers, (SELECT count(*)::int FROM customer_segment_membership) AS memberships, (SELECT count(*)::int FROM customer_segment_membership WHERE segment_id = $1) AS members",
      [segment.id]
    )
    console.log(`segment ${segment.id} (${key}): ${JSON.stringify(sizes)}`)
    const batch = Number((args ?? []).find((a) => a.startsWith("batch="))?.slice("batch=".length) ?? 50000)
    const { rows: [bound] } = await db.query(
      `SELECT customer_id FROM customer_profile WHERE deleted_at IS NULL ORDER BY customer_id OFFSET $1 LIMIT 1`,
      [batch - 1]
    )
    const rule = compileSql(segment.rule, { now: NOW, alias: "p" })
    const refreshSql = (withDeletedAt: boolean) => {
      const range = (alias: string, at: number) => `${alias}.customer_id > $${at} AND ${alias}.customer_id <= $${at + 1}`
      const n = rule.bindings.length
      return `
        WITH matched AS MATERIALIZED (
          SELECT p.customer_id FROM customer_profile p
          WHERE p.deleted_at IS NULL AND ${range("p", 1)} AND true AND ${dollars(rule.sql, 3)}
        ), inserted AS (
          INSERT INTO customer_segment_membership (id, segment_id, customer_id, source, matched_at, created_at, updated_at)
          SELECT 'csegm_' || replace(gen_random_uuid()::text, '-', ''), $${n + 3}, m.customer_id, 'rule', now(), now(), now() FROM matched m
          WHERE NOT EXISTS (
            SELECT 1 FROM customer_segment_membership x
            WHERE x.segment_id = $${n + 3} AND x.customer_id = m.customer_id AND x.deleted_at IS NULL
          )
          ON CONFLICT (segment_id, customer_id) WHERE deleted_at IS NULL DO NOTHING
          RETURNING customer_id
        ), removed AS (
          DELETE FROM customer_segment_membership cm
          WHERE cm.segment_id = $${n + 3} AND ${range("cm", 1)}${withDeletedAt ? " AND cm.deleted_at IS NULL" : ""}
            AND NOT EXISTS (SELECT 1 FROM matched m WHERE m.customer_id = cm.customer_id)
          RETURNING cm.customer_id
        )
        SELECT (SELECT count(*)::int FROM matched) AS matched,
          COALESCE((SELECT array_agg(customer_id) FROM inserted), '{}') AS added,
          COALESCE((SELECT array_agg(customer_id) FROM removed), '{}') AS removed`
    }
    const refreshParams = ["", bound.customer_id, ...rule.bindings, segment.id]
    if ((args ?? []).includes("after_first_refresh")) {
      // The state right after a segment's first refresh on an emptied membership table: only its
      // members, and no ANALYZE since the TRUNCATE (measure.ts truncates between runs).
      await db.query("TRUNCATE customer_segment_membership")
      await db.query(
        `INSERT INTO customer_segment_membership (id, segment_id, customer_id, source, matched_at)
         SELECT 'csegm_' || md5(p.customer_id), $1, p.customer_id, 'rule', now() FROM customer_profile p
         WHERE p.deleted_at IS NULL AND ${dollars(rule.sql, 2)}`,
        [segment.id, ...rule.bindings]
      )
      console.log("membership table truncated, refilled with this segment's members (not analyzed since)")
    }
    await explain(db, "refresh, first batch, steady state (as in memberships.ts)", refreshSql(false), refreshParams)
    await explain(db, "same, DELETE with cm.deleted_at IS NULL", refreshSql(true), refreshParams)
    if ((args ?? []).includes("from_empty")) {
      const emptied: [string, unknown[]] = ["DELETE FROM customer_segment_membership WHERE segment_id = $1", [segment.id]]
      await explain(db, "refresh, first batch, from an empty membership of this segment", refreshSql(false), refreshParams, emptied)
      console.log(`(batch size ${batch})`)
      const boundsStart = Date.now()
      await db.query(
        `SELECT customer_id FROM (
           SELECT customer_id, row_number() OVER (ORDER BY customer_id) AS n FROM customer_profile WHERE deleted_at IS NULL
         ) t WHERE n % $1 = 0 ORDER BY customer_id`,
        [50000]
      )
      console.log(`\n=== batchBounds query (batch 50,000): ${Date.now() - boundsStart} ms`)
      await explain(
        db,
        "the rule's WHERE clause over the whole table (compileSql), count only",
        `SELECT count(*) FROM customer_profile p WHERE p.deleted_at IS NULL AND ${dollars(rule.sql)}`,
        rule.bindings
      )
    }

    const { rows: members } = await db.query(
      "SELECT customer_id FROM customer_segment_membership WHERE segment_id = $1 ORDER BY md5(customer_id) LIMIT 1",
      [segment.id]
    )
    const ids = members.map((m) => m.customer_id)
    await explain(
      db,
      "real time: applyMembershipChanges DELETE (as in memberships.ts)",
      "DELETE FROM customer_segment_membership WHERE segment_id = $1 AND customer_id = ANY($2::text[]) RETURNING customer_id",
      [segment.id, ids]
    )
    await explain(
      db,
      "same with deleted_at IS NULL",
      "DELETE FROM customer_segment_membership WHERE segment_id = $1 AND customer_id = ANY($2::text[]) AND deleted_at IS NULL RETURNING customer_id",
      [segment.id, ids]
    )
    await explain(
      db,
      "real time: current memberships read",
      "SELECT segment_id, customer_id FROM customer_segment_membership WHERE customer_id = ANY($1::text[]) AND segment_id = ANY($2::text[]) AND deleted_at IS NULL",
      [ids, (await db.query("SELECT array_agg(id) AS ids FROM customer_segment")).rows[0].ids]
    )
  } finally {
    await db.end()
  }
}
