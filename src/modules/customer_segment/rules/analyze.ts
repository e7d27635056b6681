import { visit, type Condition, type MoneyValue, type PurchaseFilter, type RuleNode } from "./ast"
import { findAttribute } from "./attributes"
import { isRelativeDate } from "./dates"

export type RuleSummary = {
  /** The attributes the rule reads, sorted (what real-time checks look at). */
  attributes: string[]
  /** The rule compares against a date relative to now, so matches move with time. */
  relative_dates: boolean
  /** Every attribute is available for guests (the rule can be evaluated on a cart). */
  guest_capable: boolean
}

const conditions = (rule: RuleNode): Condition[] =>
  visit<Condition[]>(rule, {
    all: ({ all }) => all.flatMap(conditions),
    any: ({ any }) => any.flatMap(conditions),
    not: ({ not }) => conditions(not),
    condition: (c) => [c],
  })

function conditionUsesRelativeDate(condition: Condition): boolean {
  const definition = findAttribute(condition.attribute)
  if (definition?.type === "date") {
    const values = Array.isArray(condition.value) ? condition.value : [condition.value]
    return values.some((v) => typeof v === "string" && isRelativeDate(v))
  }
  if (definition?.type === "money" && condition.value !== undefined) {
    // amount_spent within dates (both ends of BETWEEN carry the same ones)
    const ends = (Array.isArray(condition.value) ? condition.value : [condition.value]) as MoneyValue[]
    return ends.some((m) => [m.since, m.until].some((v) => typeof v === "string" && isRelativeDate(v)))
  }
  if (definition?.type === "purchases") {
    const filter = (condition.value ?? {}) as PurchaseFilter
    return [filter.since, filter.until].some((v) => typeof v === "string" && isRelativeDate(v))
  }
  return false
}

/** What a (validated) rule reads and whether it depends on the current date. */
export function summarizeRule(rule: RuleNode): RuleSummary {
  const all = conditions(rule)
  return {
    attributes: [...new Set(all.map((c) => c.attribute))].sort(),
    relative_dates: all.some(conditionUsesRelativeDate),
    guest_capable: all.every((c) => findAttribute(c.attribute)?.guest === true),
  }
}
