import { visit, type Condition, type RuleNode } from "./ast"
import { evaluate, evaluateCondition } from "./evaluate"
import type { CustomerFacts, EvaluationContext } from "./facts"
import { printCondition } from "./print"
import { attributeOf, explainFact } from "./registry"

/** Why a shopper is (not) in a segment: every node with its result, every condition with the fact it read. */
export type Explanation =
  | { type: "all" | "any"; result: boolean; children: Explanation[] }
  | { type: "not"; result: boolean; child: Explanation }
  | { type: "condition"; result: boolean; condition: Condition; text: string; fact: unknown }

/** The fact a condition looked at, as shown to a merchant (null: no value). */
export const factFor = (condition: Condition, facts: CustomerFacts, context: EvaluationContext): unknown =>
  explainFact(attributeOf(condition.attribute), facts, context, condition.value)

/** The rule evaluated node by node (same meaning as `evaluate`). */
export function explain(rule: RuleNode, facts: CustomerFacts, context: EvaluationContext): Explanation {
  return visit<Explanation>(rule, {
    all: (node) => ({ type: "all", result: evaluate(node, facts, context), children: node.all.map((c) => explain(c, facts, context)) }),
    any: (node) => ({ type: "any", result: evaluate(node, facts, context), children: node.any.map((c) => explain(c, facts, context)) }),
    not: (node) => ({ type: "not", result: evaluate(node, facts, context), child: explain(node.not, facts, context) }),
    condition: (condition) => ({
      type: "condition",
      result: evaluateCondition(condition, facts, context),
      condition,
      text: printCondition(condition),
      fact: factFor(condition, facts, context),
    }),
  })
}
