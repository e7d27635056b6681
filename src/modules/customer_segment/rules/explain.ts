import { visit, type Condition, type MoneyValue, type PurchaseFilter, type RuleNode } from "./ast"
import { METADATA_PREFIX, findAttribute } from "./attributes"
import { amountSpent, evaluate, evaluateCondition, purchasedQuantity } from "./evaluate"
import type { CustomerFacts, EvaluationContext } from "./facts"
import { printCondition } from "./print"

/** Why a shopper is (not) in a segment: every node with its result, every condition with the fact it read. */
export type Explanation =
  | { type: "all" | "any"; result: boolean; children: Explanation[] }
  | { type: "not"; result: boolean; child: Explanation }
  | { type: "condition"; result: boolean; condition: Condition; text: string; fact: unknown }

/** The fact a condition looked at, as shown to a merchant (null: no value). */
export function factFor(condition: Condition, facts: CustomerFacts, context: EvaluationContext): unknown {
  const definition = findAttribute(condition.attribute)
  if (!definition) {
    return null
  }
  const money = (Array.isArray(condition.value) ? condition.value[0] : condition.value) as MoneyValue | undefined
  const currency = money?.currency_code
  switch (definition.name) {
    case "email":
    case "first_name":
    case "last_name":
    case "has_account":
    case "countries":
    case "provinces":
    case "cities":
      return facts[definition.name as keyof CustomerFacts]
    case "email_domain":
      return facts.email?.includes("@") ? facts.email.slice(facts.email.lastIndexOf("@") + 1).toLowerCase() : null
    case "customer_added_date":
      return facts.customer_added_date
    case "customer_groups":
      return facts.customer_groups
    case "number_of_orders":
      return facts.number_of_orders
    case "first_order_date":
      return facts.first_order_date
    case "last_order_date":
      return facts.last_order_date
    case "amount_spent":
      // Within the condition's dates when it has them (the window is shown with the amount).
      return money && currency
        ? {
            amount: amountSpent(money, facts, context.now),
            currency_code: currency,
            ...(money.since !== undefined && { since: money.since }),
            ...(money.until !== undefined && { until: money.until }),
          }
        : facts.spend
    case "average_order_value": {
      const spend = currency ? facts.spend[currency] : undefined
      return spend && spend.orders > 0 ? { amount: spend.amount / spend.orders, currency_code: currency } : null
    }
    case "products_purchased":
      return { quantity: purchasedQuantity("products_purchased", (condition.value ?? {}) as PurchaseFilter, facts, context) }
    case "cart_products":
      return { quantity: purchasedQuantity("cart_products", (condition.value ?? {}) as PurchaseFilter, facts, context) }
    case "cart_subtotal":
      return context.cart ? { amount: context.cart.subtotal, currency_code: context.cart.currency_code } : null
    case "cart_item_count":
      return (context.cart?.items ?? []).reduce((sum, line) => sum + line.quantity, 0)
  }
  if (definition.name.startsWith(METADATA_PREFIX)) {
    return facts.metadata?.[definition.name.slice(METADATA_PREFIX.length)] ?? null
  }
  return null
}

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
