import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import {
  conditionsOf,
  dependencyOrder,
  evaluate,
  explain,
  findAttribute,
  segmentsRead,
  type CartFacts,
  type CustomerFacts,
  type Explanation,
  type PurchaseFilter,
  type RuleNode,
} from "../rules"
import { concurrently, rows } from "./execute"
import type { SegmentRule } from "./memberships"

/** What evaluating some segments on a cart reads of it beyond its row and lines. */
export type CartNeeds = {
  /** A `cart_products` condition filters by collection, category or type: the lines' products are needed. */
  products: boolean
}

/** The current cart's facts, read when (and as far as) a segment to evaluate reads the cart. */
export type CartLoader = (needs: CartNeeds) => Promise<CartFacts | null>

export type Shopper = {
  customer_id?: string | null
  /** The shopper's facts; a promise lets the segments and memberships be read meanwhile. */
  facts: CustomerFacts | Promise<CustomerFacts>
  cart: CartFacts | null | CartLoader
  has_account: boolean
  /**
   * Only these segments matter (and the segments their rules read, which are
   * evaluated first as always): the answer is the same for them as without
   * `only`, the others are neither evaluated nor answered.
   */
  only?: readonly string[]
}

const readsCart = (s: SegmentRule) => s.attributes.some((a) => a.startsWith("cart_"))
/** Its rule reads the current cart (the cart_* attributes and abandoned_cart_date, per the registry). */
const readsCurrentCart = (rule: RuleNode) => conditionsOf(rule).some((c) => findAttribute(c.attribute)?.reads_cart === true)

/** A `cart_products` filter that needs the lines' products (a filter by product id needs only the lines). */
const readsProducts = (rule: RuleNode) =>
  conditionsOf(rule).some((c) => {
    if (c.attribute !== "cart_products") {
      return false
    }
    const filter = (c.value ?? {}) as PurchaseFilter
    return !filter.product_ids
  })

/** The segments in `only` and, transitively, those their rules read (`segments` without a value reads them all). */
function withReads(segments: SegmentRule[], only: readonly string[]): SegmentRule[] {
  const byId = new Map(segments.map((s) => [s.id, s]))
  const kept = new Set<string>()
  const stack = [...only]
  while (stack.length) {
    const segment = byId.get(stack.pop()!)
    if (!segment || kept.has(segment.id)) {
      continue
    }
    kept.add(segment.id)
    if (segment.rule) {
      if (conditionsOf(segment.rule).some((c) => c.attribute === "segments" && c.value === undefined)) {
        return segments
      }
      stack.push(...segmentsRead(segment.rule))
    }
  }
  return segments.filter((s) => kept.has(s.id))
}

/**
 * The active segments a shopper matches now, in dependency order (a rule
 * reading other segments sees what the shopper matched of them): a
 * registered customer's memberships (except of segments reading the cart,
 * which a bulk refresh evaluates without one), plus every active dynamic
 * segment whose rule holds on the given facts and cart. The cart is read
 * (through a loader) only when a segment to evaluate that applies to the
 * shopper reads it, and its products only when such a rule filters by them.
 */
export async function matchSegments(
  em: SqlEntityManager,
  shopper: Shopper,
  options: { now: Date; abandoned_after_minutes: number }
): Promise<string[]> {
  const [all, memberships] = await concurrently<[SegmentRule[], { segment_id: string }[]]>(em, [
    () => rows<SegmentRule>(em, `SELECT id, kind, applies_to, rule, attributes FROM customer_segment WHERE status = 'active' AND deleted_at IS NULL`),
    () =>
      shopper.customer_id
        ? rows<{ segment_id: string }>(
            em,
            `SELECT segment_id FROM customer_segment_membership WHERE customer_id = $1 AND deleted_at IS NULL`,
            [shopper.customer_id]
          )
        : [],
  ])
  const segments = shopper.only ? withReads(all, shopper.only) : all
  const matched = new Set<string>()
  const member = new Set(memberships.map((m) => m.segment_id))
  // A bulk refresh sees no cart, so memberships of segments reading the cart are not trusted: those are evaluated now.
  segments.filter((s) => member.has(s.id) && (s.kind === "static" || !readsCart(s))).forEach((s) => matched.add(s.id))
  const applies = (s: SegmentRule) => s.applies_to === "both" || (s.applies_to === "registered") === shopper.has_account
  const toEvaluate = segments.filter((s) => s.kind === "dynamic" && s.rule && !matched.has(s.id) && applies(s))
  const cartReaders = toEvaluate.filter((s) => readsCurrentCart(s.rule!))
  const [facts, cart] = await Promise.all([
    shopper.facts,
    typeof shopper.cart === "function"
      ? cartReaders.length
        ? shopper.cart({ products: cartReaders.some((s) => readsProducts(s.rule!)) })
        : null
      : shopper.cart,
  ])
  const evaluated = new Set(toEvaluate.map((s) => s.id))
  const ordered = dependencyOrder(segments.map((s) => ({ ...s, reads: s.rule ? segmentsRead(s.rule) : [] })))
  for (const segment of ordered) {
    if (!evaluated.has(segment.id)) {
      continue
    }
    if (evaluate(segment.rule!, { ...facts, segments: [...matched].sort() }, { ...options, cart })) {
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
