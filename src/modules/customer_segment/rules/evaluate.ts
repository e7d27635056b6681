import { POSITIVE_OF, isNegative, visit, type Condition, type PositiveOperator, type RuleNode } from "./ast"
import type { CustomerFacts, EvaluationContext } from "./facts"
import { operatorOf, type Operands, type ValueType } from "./operators"
import { attributeOf, type AttributeEntry } from "./registry"

/**
 * The in-memory evaluator: one shopper's facts against a rule, for real-time
 * checks and guests' carts. It means exactly what compileSql means (a
 * differential test holds them together).
 *
 * Null semantics: a condition on a missing value (null, no orders in that
 * currency for an average, no metadata key) is false for every positive
 * operator; each negative operator is the exact negation of its positive
 * (neq = NOT eq, not_in = NOT in, not_contains = NOT contains,
 * not_exists = NOT exists), so `first_name != 'Ada'` holds for a customer
 * without a first name. Amount spent in a currency without orders is 0 (also
 * within dates without orders); a shopper without a cart has an empty one.
 * Dates compare by UTC day. Text compared without case is folded (fold.ts).
 */

function positive(condition: Condition, operator: PositiveOperator, facts: CustomerFacts, context: EvaluationContext): boolean {
  const definition = attributeOf(condition.attribute) as AttributeEntry<ValueType>
  const impl = operatorOf(definition.type, operator)
  const fact = definition.read(facts, context, condition.attribute) as Operands[ValueType]["fact"]
  return impl.test(fact, condition.value as never, context)
}

export function evaluateCondition(condition: Condition, facts: CustomerFacts, context: EvaluationContext): boolean {
  if (isNegative(condition.operator)) {
    return !positive(condition, POSITIVE_OF[condition.operator], facts, context)
  }
  return positive(condition, condition.operator, facts, context)
}

/** Whether the shopper's facts satisfy a validated rule. */
export function evaluate(rule: RuleNode, facts: CustomerFacts, context: EvaluationContext): boolean {
  return visit<boolean>(rule, {
    all: ({ all }) => all.every((child) => evaluate(child, facts, context)),
    any: ({ any }) => any.some((child) => evaluate(child, facts, context)),
    not: ({ not }) => !evaluate(not, facts, context),
    condition: (condition) => evaluateCondition(condition, facts, context),
  })
}
