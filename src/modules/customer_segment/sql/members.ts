import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import { SqlParams, compileSql, fold, type RuleNode } from "../rules"
import { rows } from "./execute"
import type { AppliesTo } from "./memberships"

/** A customer matching a rule, with what the projection knows of them. */
export type MatchRow = {
  customer_id: string
  email: string | null
  first_name: string | null
  last_name: string | null
  has_account: boolean | null
}

/** A member, how and since when. */
export type MemberRow = MatchRow & { source: "rule" | "manual"; matched_at: Date }

const MEMBER_COLUMNS = "m.customer_id, m.source, m.matched_at, p.email, p.first_name, p.last_name, p.has_account"
const MEMBERS = `FROM customer_segment_membership m
  LEFT JOIN customer_profile p ON p.customer_id = m.customer_id AND p.deleted_at IS NULL`

/**
 * One page of a segment's members, newest first. `q` finds members by email
 * or name (without case, on the folded columns: the same on any database
 * locale) or by customer id.
 */
export async function listMembers(
  em: SqlEntityManager,
  segmentId: string,
  page: { q?: string; offset: number; limit: number }
): Promise<[MemberRow[], number]> {
  const params = new SqlParams()
  const where = [`m.segment_id = ${params.add(segmentId, "text")}`, "m.deleted_at IS NULL"]
  const search = page.q?.trim()
  if (search) {
    const folded = params.add(fold(search), "text")
    where.push(
      `(strpos(p.email, ${folded}) > 0 OR strpos(p.first_name_folded, ${folded}) > 0
        OR strpos(p.last_name_folded, ${folded}) > 0 OR m.customer_id = ${params.add(search, "text")})`
    )
  }
  const filter = where.join(" AND ")
  const count = rows<{ n: number }>(em, `SELECT count(*)::int AS n ${MEMBERS} WHERE ${filter}`, params.values)
  const pageParams = [...params.values, page.limit, page.offset]
  const members = rows<MemberRow>(
    em,
    `SELECT ${MEMBER_COLUMNS} ${MEMBERS} WHERE ${filter}
     ORDER BY m.matched_at DESC, m.customer_id LIMIT $${pageParams.length - 1} OFFSET $${pageParams.length}`,
    pageParams
  )
  const [list, [total]] = await Promise.all([members, count])
  return [list, total.n]
}

/** Members in customer id order after `after`, with their profile (exports: every member, page by page). */
export function listMembersAfter(
  em: SqlEntityManager,
  segmentId: string,
  page: { after?: string; limit: number }
): Promise<MemberRow[]> {
  return rows<MemberRow>(
    em,
    `SELECT ${MEMBER_COLUMNS} ${MEMBERS}
     WHERE m.segment_id = $1 AND m.customer_id > $2 AND m.deleted_at IS NULL
     ORDER BY m.customer_id LIMIT $3`,
    [segmentId, page.after ?? "", page.limit]
  )
}

/** How many customer profiles match a rule, and the first few (most recent orders first), without writing. */
export async function previewMatches(
  em: SqlEntityManager,
  rule: RuleNode,
  options: { applies_to: AppliesTo; limit: number; now: Date; abandoned_after_minutes: number }
): Promise<{ count: number; customers: MatchRow[] }> {
  const applies =
    options.applies_to === "registered" ? "AND p.has_account" : options.applies_to === "guests" ? "AND NOT p.has_account" : ""
  const params = new SqlParams()
  const compiled = compileSql(rule, { now: options.now, alias: "p", params, abandoned_after_minutes: options.abandoned_after_minutes })
  const limit = params.add(options.limit, "int")
  const from = `FROM customer_profile p WHERE p.deleted_at IS NULL ${applies} AND ${compiled.sql}`
  const [[count], customers] = await Promise.all([
    rows<{ n: number }>(em, `SELECT count(*)::int AS n ${from}`, params.values),
    rows<MatchRow>(
      em,
      `SELECT p.customer_id, p.email, p.first_name, p.last_name, p.has_account ${from}
       ORDER BY p.last_order_at DESC NULLS LAST, p.customer_id LIMIT ${limit}`,
      params.values
    ),
  ])
  return { count: count.n, customers }
}
