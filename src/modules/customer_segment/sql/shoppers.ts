import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import { dependencyOrder, evaluate, explain, segmentsRead, type CartFacts, type CustomerFacts, type Explanation, type RuleNode } from "../rules"
import { rows } from "./execute"
import type { SegmentRule } from "./memberships"

export type Shopper = { customer_id?: string | null; facts: CustomerFacts; cart: CartFacts | null; has_account: boolean }

/**
 * The active segments a shopper matches now, in dependency order (a rule
 * reading other segments sees what the shopper matched of them): a
 * registered customer's memberships (except of segments reading the cart,
 * which a bulk refresh evaluates without one), plus every active dynamic
 * segment whose rule holds on the given facts and cart.
 */
export async function matchSegments(
  em: SqlEntityManager,
  shopper: Shopper,
  options: { now: Date; abandoned_after_minutes: number }
): Promise<string[]> {
  const segments = await rows<SegmentRule>(
    em,
    `SELECT id, kind, applies_to, rule, attributes FROM customer_segment WHERE status = 'active' AND deleted_at IS NULL`
  )
  // A bulk refresh sees no cart, so memberships of segments reading the cart are not trusted: those are evaluated now.
  const readsCart = (s: SegmentRule) => s.attributes.some((a) => a.startsWith("cart_"))
  const matched = new Set<string>()
  if (shopper.customer_id) {
    const memberships = await rows<{ segment_id: string }>(
      em,
      `SELECT segment_id FROM customer_segment_membership WHERE customer_id = $1 AND deleted_at IS NULL`,
      [shopper.customer_id]
    )
    const member = new Set(memberships.map((m) => m.segment_id))
    segments.filter((s) => member.has(s.id) && (s.kind === "static" || !readsCart(s))).forEach((s) => matched.add(s.id))
  }
  const ordered = dependencyOrder(segments.map((s) => ({ ...s, reads: s.rule ? segmentsRead(s.rule) : [] })))
  for (const segment of ordered) {
    if (segment.kind !== "dynamic" || !segment.rule || matched.has(segment.id)) {
      continue
    }
    const applies = segment.applies_to === "both" || (segment.applies_to === "registered") === shopper.has_account
    const facts = { ...shopper.facts, segments: [...matched].sort() }
    if (applies && evaluate(segment.rule, facts, { ...options, cart: shopper.cart })) {
      matched.add(segment.id)
    }
  }
  return ordered.map((s) => s.id).filter((id) => matched.has(id))
}

export type SegmentToExplain = { id: string; kind: "dynamic" | "static"; applies_to: "registered" | "guests" | "both"; rule: RuleNode | null }

export type MembershipExplanation = {
  member: boolean
  matches: boolean
  applies: boolean
  explanation: Explanation | null
  facts: CustomerFacts | null
}

/** Whether a customer (their stored facts, memberships included) is and should be in a segment, condition by condition. */
export function explainMembership(
  segment: SegmentToExplain,
  facts: CustomerFacts | null,
  options: { now: Date; abandoned_after_minutes: number }
): MembershipExplanation {
  const member = Boolean(facts?.segments.includes(segment.id))
  const applies = facts !== null && (segment.applies_to === "both" || (segment.applies_to === "registered") === facts.has_account)
  const explanation = segment.rule && facts ? explain(segment.rule, facts, { ...options, cart: null }) : null
  return {
    member,
    matches: segment.kind === "static" ? member : applies && Boolean(explanation?.result),
    applies,
    explanation,
    facts,
  }
}
