/**
 * How the builder and the rule summary say a negation, without changing
 * the rule: a NOT stays a NOT in the AST (text mode and the API round-trip
 * it), only its wording changes.
 *
 * - A group: "Match all of / any of / none of / not all of the following"
 *   (none of = NOT any, not all of = NOT all).
 * - A condition whose operator has an opposite (= / !=, IN / NOT IN,
 *   CONTAINS / NOT CONTAINS, IS NOT NULL / IS NULL): NOT x reads as the
 *   opposite's words ("is not", "does not include"), which mean exactly the
 *   same (each negative operator is the exact negation of its positive).
 * - Any other operator: its own negated words ("is not between", "does not
 *   start with", "is not more than"), or, for an operator without them,
 *   "Not:" before the whole condition.
 */

/** Each operator with an opposite, both ways. */
export const OPPOSITE: Readonly<Record<string, string>> = {
  eq: "neq",
  neq: "eq",
  in: "not_in",
  not_in: "in",
  contains: "not_contains",
  not_contains: "contains",
  exists: "not_exists",
  not_exists: "exists",
}

/** Operators without an opposite that the builder offers negated too (nothing else says "not between"). */
export const OFFERED_NEGATIONS: ReadonlySet<string> = new Set(["between", "starts_with"])

export type GroupMode = "all" | "any" | "none" | "not_all"

export const GROUP_MODES: readonly GroupMode[] = ["all", "any", "none", "not_all"]

export const groupModeOf = (group: { op: "all" | "any"; negated: boolean }): GroupMode =>
  group.negated ? (group.op === "any" ? "none" : "not_all") : group.op

export const groupOfMode = (mode: GroupMode): { op: "all" | "any"; negated: boolean } => ({
  op: mode === "any" || mode === "none" ? "any" : "all",
  negated: mode === "none" || mode === "not_all",
})

/** An operator choice of a condition: the operator, and whether the condition is negated. */
export type OperatorChoice = { value: string; operator: string; negated: boolean }

export const choiceValue = (operator: string, negated: boolean) => (negated ? `not:${operator}` : operator)

export const parseChoice = (value: string): { operator: string; negated: boolean } =>
  value.startsWith("not:") ? { operator: value.slice(4), negated: true } : { operator: value, negated: false }

/**
 * The operator choices of a condition: the attribute's operators, BETWEEN
 * and STARTS WITH negated, and the condition's own negated operator when it
 * has one (from text mode or the API). That one takes the place of its
 * opposite, which means the same: the list never shows two "is not".
 */
export function operatorChoices(operators: readonly string[], current: { operator: string; negated: boolean }): OperatorChoice[] {
  const hidden = current.negated ? OPPOSITE[current.operator] : undefined
  const choices: OperatorChoice[] = []
  for (const operator of operators) {
    if (operator === hidden) {
      choices.push({ value: choiceValue(current.operator, true), operator: current.operator, negated: true })
      continue
    }
    choices.push({ value: operator, operator, negated: false })
    if (OFFERED_NEGATIONS.has(operator) || (current.negated && current.operator === operator && !OPPOSITE[operator])) {
      choices.push({ value: choiceValue(operator, true), operator, negated: true })
    }
  }
  if (current.negated && !choices.some((c) => c.value === choiceValue(current.operator, true))) {
    choices.push({ value: choiceValue(current.operator, true), operator: current.operator, negated: true })
  }
  return choices
}

/**
 * The i18n key of a negated operator's words: its opposite's, when it has
 * one, else the family's negated words; null when there are none (then "Not:"
 * goes before the whole condition).
 */
export function negatedOperatorKey(family: string, operator: string, known: (key: string) => boolean): string | null {
  const opposite = OPPOSITE[operator]
  if (opposite) {
    return `customerSuite.segments.operators.${family}.${opposite}`
  }
  const key = `customerSuite.segments.negatedOperators.${family}.${operator}`
  return known(key) ? key : null
}
