import { visit, type Condition, type MoneyValue, type PurchaseFilter, type RuleNode } from "./ast"
import { isRelativeDate } from "./dates"
import { findAttribute } from "./registry"

export type RuleSummary = {
  /** The attributes the rule reads, sorted (what real-time checks look at). */
  attributes: string[]
  /** Matches move with time: the rule compares against a date relative to now, or reads an attribute that moves with it. */
  relative_dates: boolean
  /** Every attribute is available for guests (the rule can be evaluated on a cart). */
  guest_capable: boolean
}

export const conditionsOf = (rule: RuleNode): Condition[] =>
  visit<Condition[]>(rule, {
    all: ({ all }) => all.flatMap(conditionsOf),
    any: ({ any }) => any.flatMap(conditionsOf),
    not: ({ not }) => conditionsOf(not),
    condition: (c) => [c],
  })

const relative = (values: unknown[]) => values.some((v) => typeof v === "string" && isRelativeDate(v))

function movesWithTime(condition: Condition): boolean {
  const definition = findAttribute(condition.attribute)
  if (!definition) {
    return false
  }
  if (definition.moves_with_time) {
    return true
  }
  const values = Array.isArray(condition.value) ? condition.value : [condition.value]
  switch (definition.type) {
    case "date":
      return relative(values)
    case "money":
      // amount_spent within dates (both ends of BETWEEN carry the same ones)
      return (values as (MoneyValue | undefined)[]).some((m) => m !== undefined && relative([m.since, m.until]))
    case "purchases": {
      const filter = (condition.value ?? {}) as PurchaseFilter
      return relative([filter.since, filter.until])
    }
    default:
      return false
  }
}

/** What a (validated) rule reads and whether it depends on the current date. */
export function summarizeRule(rule: RuleNode): RuleSummary {
  const all = conditionsOf(rule)
  return {
    attributes: [...new Set(all.map((c) => c.attribute))].sort(),
    relative_dates: all.some(movesWithTime),
    guest_capable: all.every((c) => findAttribute(c.attribute)?.guest === true),
  }
}

/** The ids of the segments a rule reads (`segments` conditions), sorted. */
export function segmentsRead(rule: RuleNode): string[] {
  const ids = conditionsOf(rule)
    .filter((c) => c.attribute === "segments" && c.value !== undefined)
    .flatMap((c) => (Array.isArray(c.value) ? c.value : [c.value]) as string[])
  return [...new Set(ids)].sort()
}

/** Whether a rule reads membership of any segment (`segments IS NOT NULL` reads them all). */
export const readsSegments = (rule: RuleNode): boolean => conditionsOf(rule).some((c) => c.attribute === "segments")
