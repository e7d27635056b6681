import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import { generateEntityId } from "@medusajs/framework/utils"
import { SqlParams, compileSql, dependencyOrder, evaluate, segmentsRead, type RuleNode } from "../rules"
import { eachPage, exec, rows } from "./execute"
import { isAffected, readFacts, toFacts } from "./facts"

export type AppliesTo = "registered" | "guests" | "both"

export type SegmentRule = {
  id: string
  kind: "dynamic" | "static"
  applies_to: AppliesTo
  rule: RuleNode | null
  attributes: string[]
}

/** Members that joined and left one segment. */
export type MembershipChange = { segment_id: string; added: string[]; removed: string[] }

export type RefreshResult = { matched: number; added: number; removed: number; duration_ms: number }

export type RefreshOptions = {
  now: Date
  /** Customers written per transaction. */
  batchSize: number
  abandoned_after_minutes?: number
  /** Runs after each batch that changed memberships commits. */
  onBatch?: (change: MembershipChange) => Promise<void>
}

/*
 * New memberships' ids: one time-ordered id per statement (Medusa's ULID: generating one per row
 * costs ~90 µs in JavaScript) followed by the row's position, so inserts land at the end of the
 * primary key index, unlike random UUIDs.
 */

const appliesSql = (appliesTo: AppliesTo, alias: string) =>
  appliesTo === "registered" ? `${alias}.has_account` : appliesTo === "guests" ? `NOT ${alias}.has_account` : "true"

const appliesToFacts = (appliesTo: AppliesTo, hasAccount: boolean) =>
  appliesTo === "both" || (appliesTo === "registered") === hasAccount

/**
 * Plans a refresh: in one read-only statement, the customers whose
 * membership differs from the rule (matching and not members, members and
 * not matching), in the database's order of ids (so each batch of them is a
 * narrow range of ids), handed to `onBatch` `batchSize` at a time through a
 * cursor: however many customers differ, only one batch of ids is in memory.
 * The difference is a FULL JOIN, which PostgreSQL can only run as a hash or
 * merge join, and nested loops are off for the statement, so its cost stays
 * linear whatever the tables' statistics say (right after a backfill they
 * have none); the cursor is planned for all its rows, not the first ones.
 */
async function planRefresh(
  manager: SqlEntityManager,
  segment: SegmentRule & { rule: RuleNode },
  options: RefreshOptions,
  onBatch: (customerIds: string[]) => Promise<void>
): Promise<void> {
  const params = new SqlParams()
  const segmentId = params.add(segment.id, "text")
  const rule = compileSql(segment.rule, {
    now: options.now,
    alias: "p",
    params,
    abandoned_after_minutes: options.abandoned_after_minutes,
  })
  const sql = `
    SELECT COALESCE(m.customer_id, cm.customer_id) AS customer_id
    FROM (
      SELECT p.customer_id FROM customer_profile p
      WHERE p.deleted_at IS NULL AND ${appliesSql(segment.applies_to, "p")} AND ${rule.sql}
    ) m
    FULL JOIN (
      SELECT cm.customer_id FROM customer_segment_membership cm WHERE cm.segment_id = ${segmentId} AND cm.deleted_at IS NULL
    ) cm ON cm.customer_id = m.customer_id
    WHERE m.customer_id IS NULL OR cm.customer_id IS NULL
    ORDER BY 1`
  await eachPage<{ customer_id: string }>(
    manager,
    sql,
    rule.params,
    { size: options.batchSize, settings: ["enable_nestloop = off", "jit = off", "cursor_tuple_fraction = 1"] },
    (page) => onBatch(page.map((r) => r.customer_id))
  )
}

/**
 * Writes one batch of a refresh in one statement: of these customers (a run
 * of ids in the database's order), those matching the rule on their facts as
 * they are now join and the others leave, while the segment exists (a
 * real-time change made since the plan is never undone); member_count
 * follows. Returns who joined and who left.
 */
async function writeBatch(
  em: SqlEntityManager,
  segment: SegmentRule & { rule: RuleNode },
  customerIds: string[],
  options: RefreshOptions
): Promise<MembershipChange> {
  const params = new SqlParams()
  const ids = params.add(customerIds, "text[]")
  // The batch is a run of ids in the database's order: its first and last bound every index scan
  // (with the list alone, the planner may read a whole table and test each row against it).
  const first = params.add(customerIds[0], "text")
  const last = params.add(customerIds[customerIds.length - 1], "text")
  const segmentId = params.add(segment.id, "text")
  const newId = params.add(generateEntityId(undefined, "csegm"), "text")
  const within = (column: string) => `${column} >= ${first} AND ${column} <= ${last} AND ${column} = ANY(${ids})`
  const rule = compileSql(segment.rule, {
    now: options.now,
    alias: "p",
    params,
    scope: within,
    abandoned_after_minutes: options.abandoned_after_minutes,
  })
  const [written] = await rows<{ added: string[]; removed: string[] }>(
    em,
    `WITH matching AS MATERIALIZED (
       SELECT p.customer_id FROM customer_profile p
       WHERE ${within("p.customer_id")} AND p.deleted_at IS NULL AND ${appliesSql(segment.applies_to, "p")} AND ${rule.sql}
         AND EXISTS (SELECT 1 FROM customer_segment s WHERE s.id = ${segmentId} AND s.deleted_at IS NULL)
     ),
     joined AS (
       INSERT INTO customer_segment_membership (id, segment_id, customer_id, source, matched_at, created_at, updated_at)
       SELECT ${newId} || lpad((row_number() OVER ())::text, 6, '0'), ${segmentId}, m.customer_id, 'rule', now(), now(), now()
       FROM matching m
       ON CONFLICT (segment_id, customer_id) WHERE deleted_at IS NULL DO NOTHING
       RETURNING customer_id
     ),
     gone AS (
       DELETE FROM customer_segment_membership cm
       WHERE cm.segment_id = ${segmentId} AND ${within("cm.customer_id")} AND cm.deleted_at IS NULL
         AND cm.customer_id NOT IN (SELECT customer_id FROM matching)
       RETURNING cm.customer_id
     ),
     delta AS (SELECT (SELECT count(*) FROM joined) - (SELECT count(*) FROM gone) AS n),
     counted AS (
       UPDATE customer_segment s SET member_count = GREATEST(s.member_count + delta.n, 0), updated_at = now()
       FROM delta WHERE s.id = ${segmentId} AND delta.n <> 0
     )
     SELECT ARRAY(SELECT customer_id FROM joined) AS added, ARRAY(SELECT customer_id FROM gone) AS removed`,
    rule.params
  )
  return { segment_id: segment.id, added: written.added, removed: written.removed }
}

const STATISTICS_TABLES = ["customer_profile", "customer_purchase", "customer_order", "customer_segment_membership"]

/**
 * ANALYZE the plugin's tables that have never been analysed (a bulk write on
 * a server without autovacuum, or before it ran): without statistics the
 * planner takes `deleted_at IS NULL` for a rare value and reads whole tables
 * through an index. Once per table; the backfill analyses the projection itself.
 */
async function analyzeIfNeverAnalyzed(manager: SqlEntityManager): Promise<void> {
  const never = await rows<{ name: string }>(
    manager,
    `SELECT relname AS name FROM pg_class WHERE oid = ANY($1::regclass[]) AND reltuples < 0`,
    [STATISTICS_TABLES]
  )
  if (never.length) {
    await exec(manager, `ANALYZE ${never.map((t) => t.name).filter((n) => STATISTICS_TABLES.includes(n)).join(", ")}`)
  }
}

/**
 * VACUUM and ANALYZE the membership table when a refresh changed a large share
 * of it: its statistics would mislead the planner, and the rows it deleted
 * stay in the way of every scan until a vacuum (a server without autovacuum,
 * or before it runs). Outside any transaction; a few hundred milliseconds at a
 * million memberships.
 */
async function tidyIfMuchChanged(manager: SqlEntityManager, changed: number): Promise<void> {
  if (changed < 1000) {
    return
  }
  const [table] = await rows<{ estimate: number }>(
    manager,
    `SELECT reltuples::float8 AS estimate FROM pg_class WHERE oid = 'customer_segment_membership'::regclass`
  )
  if (!table || table.estimate < 0 || changed >= 0.1 * table.estimate) {
    await exec(manager, "VACUUM (ANALYZE) customer_segment_membership")
  }
}

/**
 * A full refresh of one dynamic segment. The customers whose membership
 * differs are found in one statement over the whole projection (planRefresh)
 * and read from it a batch at a time; per batch, in its own transaction, each is checked
 * against the rule on its facts as they are at that moment (a real-time
 * change made meanwhile is never undone) and joins or leaves. A refresh that
 * finds nothing to change writes nothing. Static segments keep their members.
 */
export async function refreshMembership(
  manager: SqlEntityManager,
  segment: SegmentRule,
  options: RefreshOptions
): Promise<RefreshResult> {
  const started = Date.now()
  let added = 0
  let removed = 0
  if (segment.kind === "dynamic" && segment.rule) {
    const dynamic = segment as SegmentRule & { rule: RuleNode }
    await analyzeIfNeverAnalyzed(manager)
    await planRefresh(manager, dynamic, options, async (batch) => {
      const change = await manager.transactional(async (em) => {
        // As for the plan: no nested loops. A batch's bounds and id list are one column's predicates twice, so the
        // planner takes the batch for a row or two and may re-run a purchase rule's grouped sub-select per customer
        // (measured at 10M: 96 s for one batch of 5,000 instead of 60 ms).
        await exec(em as SqlEntityManager, "SET LOCAL enable_nestloop = off")
        await exec(em as SqlEntityManager, "SET LOCAL jit = off")
        return writeBatch(em as SqlEntityManager, dynamic, batch, options)
      })
      if (change.added.length || change.removed.length) {
        added += change.added.length
        removed += change.removed.length
        await options.onBatch?.(change)
      }
    })
    await tidyIfMuchChanged(manager, added + removed)
  }
  const duration = Date.now() - started
  const [count] = await rows<{ n: number }>(
    manager,
    `UPDATE customer_segment SET member_count = (
       SELECT count(*)::int FROM customer_segment_membership WHERE segment_id = $1 AND deleted_at IS NULL
     ), last_refreshed_at = now(), last_refresh_duration_ms = $2, updated_at = now()
     WHERE id = $1 RETURNING member_count AS n`,
    [segment.id, duration]
  )
  // A dynamic segment's members are the customers it matched (each checked when it joined or left).
  return { matched: count?.n ?? 0, added, removed, duration_ms: duration }
}

/** Applies membership changes (or undoes them with `invert`) and keeps member_count in step. */
export async function applyMembershipChanges(
  em: SqlEntityManager,
  changes: MembershipChange[],
  options: { invert?: boolean; source?: "rule" | "manual" } = {}
): Promise<MembershipChange[]> {
  const applied: MembershipChange[] = []
  for (const change of changes) {
    const add = options.invert ? change.removed : change.added
    const remove = options.invert ? change.added : change.removed
    const inserted = add.length
      ? await rows<{ customer_id: string }>(
          em,
          `INSERT INTO customer_segment_membership (id, segment_id, customer_id, source, matched_at, created_at, updated_at)
           SELECT $3 || lpad(m.n::text, 6, '0'), $1, m.customer_id, $2, now(), now(), now()
           FROM unnest($4::text[]) WITH ORDINALITY AS m(customer_id, n)
           ON CONFLICT (segment_id, customer_id) WHERE deleted_at IS NULL DO NOTHING
           RETURNING customer_id`,
          [change.segment_id, options.source ?? "rule", generateEntityId(undefined, "csegm"), add]
        )
      : []
    const deleted = remove.length
      ? await rows<{ customer_id: string }>(
          em,
          `DELETE FROM customer_segment_membership
           WHERE segment_id = $1 AND customer_id = ANY($2::text[]) AND deleted_at IS NULL RETURNING customer_id`,
          [change.segment_id, remove]
        )
      : []
    if (inserted.length !== deleted.length) {
      await exec(
        em,
        `UPDATE customer_segment SET member_count = GREATEST(member_count + $1, 0), updated_at = now() WHERE id = $2`,
        [inserted.length - deleted.length, change.segment_id]
      )
    }
    applied.push({
      segment_id: change.segment_id,
      added: inserted.map((r) => r.customer_id),
      removed: deleted.map((r) => r.customer_id),
    })
  }
  return applied.filter((c) => c.added.length || c.removed.length)
}

/** The active dynamic segments, each with the segments its rule reads, in dependency order. */
export async function activeDynamicSegments(em: SqlEntityManager): Promise<(SegmentRule & { reads: string[] })[]> {
  const found = await rows<SegmentRule>(
    em,
    `SELECT id, kind, applies_to, rule, attributes FROM customer_segment
     WHERE status = 'active' AND kind = 'dynamic' AND deleted_at IS NULL AND rule IS NOT NULL`
  )
  return dependencyOrder(found.map((s) => ({ ...s, reads: s.rule ? segmentsRead(s.rule) : [] })))
}

/**
 * Real time: for each customer, the active dynamic segments reading a fact
 * that changed are evaluated in memory on the stored facts, in dependency
 * order; when a membership changes, the segments reading that segment are
 * evaluated too (with the new membership). The memberships that differ are
 * returned (not written).
 */
export async function evaluateCustomers(
  em: SqlEntityManager,
  changes: { customer_id: string; changed: ReadonlySet<string> }[],
  options: { now: Date; abandoned_after_minutes?: number; segments?: (SegmentRule & { reads: string[] })[] }
): Promise<MembershipChange[]> {
  const segments = options.segments ?? (await activeDynamicSegments(em))
  const work = changes
    .map((c) => ({ customer_id: c.customer_id, affected: new Set(segments.filter((s) => isAffected(s.attributes, c.changed)).map((s) => s.id)) }))
    .filter((w) => w.affected.size > 0)
  if (work.length === 0) {
    return []
  }
  const customerIds = work.map((w) => w.customer_id)
  const reads = (attribute: string) => segments.some((s) => s.attributes.includes(attribute))
  const [facts, current] = await Promise.all([
    // Orders for amount_spent within dates.
    readFacts(em, customerIds, { purchases: reads("products_purchased"), orders: reads("amount_spent") }),
    rows<{ segment_id: string; customer_id: string }>(
      em,
      `SELECT segment_id, customer_id FROM customer_segment_membership WHERE customer_id = ANY($1::text[]) AND deleted_at IS NULL`,
      [customerIds]
    ),
  ])
  const profiles = new Map(facts.profiles.map((p) => [p.customer_id, p]))
  const group = <T extends { customer_id: string }>(list: T[]) => {
    const map = new Map<string, T[]>()
    list.forEach((row) => map.set(row.customer_id, [...(map.get(row.customer_id) ?? []), row]))
    return map
  }
  const purchasesOf = group(facts.purchases)
  const ordersOf = group(facts.orders)
  const membershipsOf = group(current)
  const result = new Map<string, MembershipChange>()
  for (const { customer_id, affected } of work) {
    const profile = profiles.get(customer_id)
    const member = new Set((membershipsOf.get(customer_id) ?? []).map((m) => m.segment_id))
    const customerFacts = profile
      ? toFacts(profile, purchasesOf.get(customer_id) ?? [], ordersOf.get(customer_id) ?? [], [...member].sort())
      : null
    for (const segment of segments) {
      if (!affected.has(segment.id)) {
        continue
      }
      const matches =
        customerFacts !== null &&
        appliesToFacts(segment.applies_to, customerFacts.has_account) &&
        evaluate(segment.rule!, customerFacts, { now: options.now, cart: null, abandoned_after_minutes: options.abandoned_after_minutes })
      if (matches === member.has(segment.id)) {
        continue
      }
      const change = result.get(segment.id) ?? { segment_id: segment.id, added: [], removed: [] }
      ;(matches ? change.added : change.removed).push(customer_id)
      result.set(segment.id, change)
      // The segments reading this one look again, with the membership as it is now.
      if (matches) {
        member.add(segment.id)
      } else {
        member.delete(segment.id)
      }
      if (customerFacts) {
        customerFacts.segments = [...member].sort()
      }
      segments.filter((s) => s.reads.includes(segment.id)).forEach((s) => affected.add(s.id))
    }
  }
  return [...result.values()]
}

/** Memberships of static segments held by customers that have no profile any more (deleted). */
export async function staticMembershipsOfGone(em: SqlEntityManager, customerIds: string[]): Promise<MembershipChange[]> {
  if (customerIds.length === 0) {
    return []
  }
  const gone = await rows<{ segment_id: string; customer_id: string }>(
    em,
    `SELECT m.segment_id, m.customer_id FROM customer_segment_membership m
     JOIN customer_segment s ON s.id = m.segment_id AND s.kind = 'static'
     WHERE m.customer_id = ANY($1::text[]) AND m.deleted_at IS NULL
       AND NOT EXISTS (SELECT 1 FROM customer_profile p WHERE p.customer_id = m.customer_id AND p.deleted_at IS NULL)`,
    [customerIds]
  )
  return gone.map((row) => ({ segment_id: row.segment_id, added: [], removed: [row.customer_id] }))
}
