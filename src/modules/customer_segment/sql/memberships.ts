import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import { compileSql, evaluate, type RuleNode } from "../rules"
import { exec, isAffected, readFacts, rows, toFacts } from "./facts"

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

const NEW_MEMBERSHIP_ID = "'csegm_' || replace(gen_random_uuid()::text, '-', '')"

const appliesSql = (appliesTo: AppliesTo, alias: string) =>
  appliesTo === "registered" ? `${alias}.has_account` : appliesTo === "guests" ? `NOT ${alias}.has_account` : "true"

const appliesToFacts = (appliesTo: AppliesTo, hasAccount: boolean) =>
  appliesTo === "both" || (appliesTo === "registered") === hasAccount

/**
 * A full refresh of one dynamic segment: per batch of customers, in one
 * transaction, insert the profiles that match and are not members, and
 * delete the members that no longer match (or no longer exist). Static
 * segments keep their members. `onBatch` runs after each batch commits.
 */
export async function refreshMembership(
  manager: SqlEntityManager,
  segment: SegmentRule,
  options: { now: Date; batchSize: number; onBatch?: (change: MembershipChange) => Promise<void> }
): Promise<RefreshResult> {
  const started = Date.now()
  let matched = 0
  let added = 0
  let removed = 0
  if (segment.kind === "dynamic" && segment.rule) {
    // One statement per batch of profiles in customer id order, in its own transaction: the
    // batch's matches are inserted, and members of its id range that no longer match are deleted
    // (the last range is open, so members without a profile go too). The range is read straight
    // off the index (the last batch has its own statement: an "OR upper IS NULL" would stop the
    // index from bounding the scan); NOT IN over the matches is hashed whatever the statistics say.
    // The rule reads only the batch's purchases (a range scan, not one probe per customer).
    const statement = (bounded: boolean) => {
      const range = (alias: string) =>
        `${alias}.customer_id > (SELECT after FROM params)${bounded ? ` AND ${alias}.customer_id <= (SELECT upto FROM params)` : ""}`
      const rule = compileSql(segment.rule!, { now: options.now, alias: "p", purchaseScope: range("cp") })
      const sql = `
      WITH params AS (SELECT ?::text AS after, ?::text AS upto),
      matched AS MATERIALIZED (
        SELECT p.customer_id FROM customer_profile p
        WHERE p.deleted_at IS NULL AND ${range("p")} AND ${appliesSql(segment.applies_to, "p")} AND ${rule.sql}
          AND EXISTS (SELECT 1 FROM customer_segment s WHERE s.id = ? AND s.deleted_at IS NULL)
      ),
      inserted AS (
        INSERT INTO customer_segment_membership (id, segment_id, customer_id, source, matched_at, created_at, updated_at)
        SELECT ${NEW_MEMBERSHIP_ID}, ?, m.customer_id, 'rule', now(), now(), now() FROM matched m
        ON CONFLICT (segment_id, customer_id) WHERE deleted_at IS NULL DO NOTHING
        RETURNING customer_id
      ),
      removed AS (
        DELETE FROM customer_segment_membership cm
        WHERE cm.segment_id = ? AND cm.deleted_at IS NULL AND ${range("cm")}
          AND cm.customer_id NOT IN (SELECT customer_id FROM matched)
        RETURNING cm.customer_id
      )
      SELECT (SELECT count(*)::int FROM matched) AS matched,
        COALESCE((SELECT array_agg(customer_id) FROM inserted), '{}') AS added,
        COALESCE((SELECT array_agg(customer_id) FROM removed), '{}') AS removed`
      return { sql, ruleBindings: rule.bindings }
    }
    const bounded = statement(true)
    const open = statement(false)
    let after = ""
    for (;;) {
      // The batch's last customer id, from the index alone (null: the rest is the last batch).
      const [bound] = await rows<{ customer_id: string }>(
        manager,
        `SELECT customer_id FROM customer_profile WHERE deleted_at IS NULL AND customer_id > ?
         ORDER BY customer_id OFFSET ? LIMIT 1`,
        [after, options.batchSize - 1]
      )
      const upto = bound?.customer_id ?? null
      const { sql, ruleBindings } = upto === null ? open : bounded
      // In text order: params (2), the rule, live-segment check, insert, delete.
      const bindings = [after, upto, ...ruleBindings, segment.id, segment.id, segment.id]
      const [result] = await manager.transactional((em) =>
        rows<{ matched: number; added: string[]; removed: string[] }>(em as SqlEntityManager, sql, bindings)
      )
      matched += result.matched
      added += result.added.length
      removed += result.removed.length
      if (options.onBatch && (result.added.length || result.removed.length)) {
        await options.onBatch({ segment_id: segment.id, added: result.added, removed: result.removed })
      }
      if (upto === null) {
        break
      }
      after = upto
    }
  }
  const duration = Date.now() - started
  const [count] = await rows<{ n: number }>(
    manager,
    `UPDATE customer_segment SET member_count = (
       SELECT count(*)::int FROM customer_segment_membership WHERE segment_id = ? AND deleted_at IS NULL
     ), last_refreshed_at = now(), last_refresh_duration_ms = ?, updated_at = now()
     WHERE id = ? RETURNING member_count AS n`,
    [segment.id, duration, segment.id]
  )
  return { matched: segment.kind === "dynamic" ? matched : count?.n ?? 0, added, removed, duration_ms: duration }
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
           SELECT ${NEW_MEMBERSHIP_ID}, ?, c, ?, now(), now(), now() FROM unnest(?::text[]) AS c
           ON CONFLICT (segment_id, customer_id) WHERE deleted_at IS NULL DO NOTHING
           RETURNING customer_id`,
          [change.segment_id, options.source ?? "rule", add]
        )
      : []
    const deleted = remove.length
      ? await rows<{ customer_id: string }>(
          em,
          `DELETE FROM customer_segment_membership WHERE segment_id = ? AND customer_id = ANY(?::text[]) AND deleted_at IS NULL RETURNING customer_id`,
          [change.segment_id, remove]
        )
      : []
    if (inserted.length !== deleted.length) {
      await exec(em, 
        `UPDATE customer_segment SET member_count = GREATEST(member_count + ?, 0), updated_at = now() WHERE id = ?`,
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

/**
 * Real time: for each customer, the active dynamic segments reading an
 * attribute that changed are evaluated in memory on the stored facts; the
 * memberships that differ are returned (not written).
 */
export async function evaluateCustomers(
  em: SqlEntityManager,
  changes: { customer_id: string; changed: Set<string> }[],
  options: { now: Date; segments?: SegmentRule[] }
): Promise<MembershipChange[]> {
  const segments =
    options.segments ??
    (await rows<SegmentRule>(
      em,
      `SELECT id, kind, applies_to, rule, attributes FROM customer_segment
       WHERE status = 'active' AND kind = 'dynamic' AND deleted_at IS NULL AND rule IS NOT NULL`
    ))
  const work = changes
    .map((c) => ({ customer_id: c.customer_id, segments: segments.filter((s) => isAffected(s.attributes, c.changed)) }))
    .filter((w) => w.segments.length > 0)
  if (work.length === 0) {
    return []
  }
  const customerIds = work.map((w) => w.customer_id)
  const segmentIds = [...new Set(work.flatMap((w) => w.segments.map((s) => s.id)))]
  const reads = (attribute: string) => work.some((w) => w.segments.some((s) => s.attributes.includes(attribute)))
  const [facts, current] = await Promise.all([
    // Orders for amount_spent within dates.
    readFacts(em, customerIds, { purchases: reads("products_purchased"), orders: reads("amount_spent") }),
    rows<{ segment_id: string; customer_id: string }>(
      em,
      `SELECT segment_id, customer_id FROM customer_segment_membership
       WHERE customer_id = ANY(?::text[]) AND segment_id = ANY(?::text[]) AND deleted_at IS NULL`,
      [customerIds, segmentIds]
    ),
  ])
  const members = new Set(current.map((m) => `${m.segment_id}:${m.customer_id}`))
  const profiles = new Map(facts.profiles.map((p) => [p.customer_id, p]))
  const byCustomer = new Map<string, typeof facts.purchases>()
  for (const purchase of facts.purchases) {
    byCustomer.set(purchase.customer_id, [...(byCustomer.get(purchase.customer_id) ?? []), purchase])
  }
  const ordersOf = new Map<string, typeof facts.orders>()
  for (const order of facts.orders) {
    ordersOf.set(order.customer_id, [...(ordersOf.get(order.customer_id) ?? []), order])
  }
  const result = new Map<string, MembershipChange>()
  for (const { customer_id, segments: affected } of work) {
    const profile = profiles.get(customer_id)
    const customerFacts = profile ? toFacts(profile, byCustomer.get(customer_id) ?? [], ordersOf.get(customer_id) ?? []) : null
    for (const segment of affected) {
      const matches =
        customerFacts !== null &&
        appliesToFacts(segment.applies_to, customerFacts.has_account) &&
        evaluate(segment.rule!, customerFacts, { now: options.now, cart: null })
      const isMember = members.has(`${segment.id}:${customer_id}`)
      if (matches !== isMember) {
        const change = result.get(segment.id) ?? { segment_id: segment.id, added: [], removed: [] }
        ;(matches ? change.added : change.removed).push(customer_id)
        result.set(segment.id, change)
      }
    }
  }
  return [...result.values()]
}
