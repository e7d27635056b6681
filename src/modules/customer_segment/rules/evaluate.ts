import { POSITIVE_OF, hasDateWindow, visit, type Condition, type MoneyValue, type Operator, type PurchaseFilter, type RuleNode } from "./ast"
import { sumAmounts } from "./amounts"
import { METADATA_PREFIX, findAttribute, type AttributeDefinition } from "./attributes"
import { DAY_MS, resolveDate } from "./dates"
import type { CartLineFact, CustomerFacts, EvaluationContext, PurchaseFact } from "./facts"

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
 * Dates compare by UTC day. CONTAINS / STARTS WITH on text ignore case.
 */

type Scalar = string | number | boolean | Date
type Fact = Scalar | null | Scalar[]

function textFact(facts: CustomerFacts, name: string): string | null {
  switch (name) {
    case "email":
      return facts.email?.toLowerCase() ?? null
    case "email_domain": {
      const email = facts.email?.toLowerCase()
      const at = email?.lastIndexOf("@") ?? -1
      return email && at >= 0 && at < email.length - 1 ? email.slice(at + 1) : null
    }
    case "first_name":
      return facts.first_name
    case "last_name":
      return facts.last_name
    default:
      return null
  }
}

function metadataFact(facts: CustomerFacts, name: string): Scalar | null {
  const value = facts.metadata?.[name.slice(METADATA_PREFIX.length)]
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? value : null
}

/** The fact an attribute reads (money and purchases are handled by their own functions). */
function factOf(definition: AttributeDefinition, facts: CustomerFacts, context: EvaluationContext): Fact {
  switch (definition.name) {
    case "has_account":
      return facts.has_account
    case "customer_added_date":
      return facts.customer_added_date
    case "first_order_date":
      return facts.first_order_date
    case "last_order_date":
      return facts.last_order_date
    case "customer_groups":
      return facts.customer_groups
    case "countries":
      return facts.countries.map((c) => c.toLowerCase())
    case "provinces":
      return facts.provinces.map((c) => c.toLowerCase())
    case "cities":
      return facts.cities.map((c) => c.toLowerCase())
    case "number_of_orders":
      return facts.number_of_orders
    case "cart_item_count":
      return (context.cart?.items ?? []).reduce((sum, line) => sum + line.quantity, 0)
  }
  if (definition.type === "metadata") {
    return metadataFact(facts, definition.name)
  }
  return textFact(facts, definition.name)
}

/** `since` / `until` as [from, to) in ms: from the start of since's UTC day to the end of until's. */
export function dateWindow(window: { since?: string; until?: string }, now: Date): [number, number] {
  return [
    window.since ? resolveDate(window.since, now).getTime() : -Infinity,
    window.until ? resolveDate(window.until, now).getTime() + DAY_MS : Infinity,
  ]
}

/**
 * amount_spent for a money value: the stored total of the currency, or,
 * with a date window, the total of that currency's orders placed within it.
 */
export function amountSpent(value: MoneyValue, facts: CustomerFacts, now: Date): number {
  const currency = value.currency_code
  if (!hasDateWindow(value)) {
    return facts.spend[currency]?.amount ?? 0
  }
  const [from, to] = dateWindow(value, now)
  return sumAmounts(
    facts.orders
      .filter((o) => o.currency_code === currency && o.placed_at.getTime() >= from && o.placed_at.getTime() < to)
      .map((o) => o.total)
  )
}

function moneyFact(name: string, value: MoneyValue, facts: CustomerFacts, context: EvaluationContext): number | null {
  const currency = value.currency_code
  switch (name) {
    case "amount_spent":
      return amountSpent(value, facts, context.now)
    case "average_order_value": {
      const spend = facts.spend[currency]
      return spend && spend.orders > 0 ? spend.amount / spend.orders : null
    }
    case "cart_subtotal":
      return context.cart && context.cart.currency_code === currency ? context.cart.subtotal : 0
    default:
      return null
  }
}

function moneyExists(name: string, facts: CustomerFacts, context: EvaluationContext): boolean {
  if (name === "cart_subtotal") {
    return (context.cart?.items.length ?? 0) > 0
  }
  if (name === "average_order_value") {
    return Object.values(facts.spend).some((s) => s.orders > 0)
  }
  return Object.keys(facts.spend).length > 0
}

function lineMatches(line: CartLineFact | PurchaseFact, filter: PurchaseFilter): boolean {
  if (filter.product_ids) {
    return filter.product_ids.includes(line.product_id)
  }
  if (filter.collection_ids) {
    return line.collection_id !== null && filter.collection_ids.includes(line.collection_id)
  }
  if (filter.category_ids) {
    return line.category_ids.some((c) => filter.category_ids!.includes(c))
  }
  return line.type_id !== null && (filter.type_ids ?? []).includes(line.type_id)
}

/** How many of the filter's products the shopper bought in its window (or has in the cart, for cart_products). */
export function purchasedQuantity(
  name: string,
  filter: PurchaseFilter,
  facts: CustomerFacts,
  context: EvaluationContext
): number {
  const [since, until] = dateWindow(filter, context.now)
  const lines: (CartLineFact | PurchaseFact)[] =
    name === "cart_products"
      ? context.cart?.items ?? []
      : facts.purchases.filter((p) => p.purchased_at.getTime() >= since && p.purchased_at.getTime() < until)
  return lines.filter((line) => lineMatches(line, filter)).reduce((sum, l) => sum + l.quantity, 0)
}

/** A comparable number for a fact or a rule value: dates become the start of their UTC day in ms. */
function comparable(value: unknown, asDate: boolean, now: Date): number | string | boolean | null {
  if (value === null || value === undefined) {
    return null
  }
  if (asDate) {
    const time = value instanceof Date ? value.getTime() : resolveDate(String(value), now).getTime()
    return Math.floor(time / DAY_MS) * DAY_MS
  }
  return value as number | string | boolean
}

function compare(
  operator: Operator,
  fact: number | string | boolean | null,
  value: unknown,
  asDate: boolean,
  now: Date
): boolean {
  if (fact === null) {
    return false
  }
  const v = (x: unknown) => comparable(x, asDate, now)
  switch (operator) {
    case "eq":
      return fact === v(value)
    case "in":
      return (value as unknown[]).some((item) => fact === v(item))
    case "gt":
    case "gte":
    case "lt":
    case "lte": {
      const target = v(value)
      if (typeof fact !== "number" || typeof target !== "number") {
        return false
      }
      return operator === "gt" ? fact > target : operator === "gte" ? fact >= target : operator === "lt" ? fact < target : fact <= target
    }
    case "between": {
      const [low, high] = (value as unknown[]).map(v)
      return typeof fact === "number" && typeof low === "number" && typeof high === "number" && fact >= low && fact <= high
    }
    case "contains":
      return typeof fact === "string" && fact.toLowerCase().includes(String(value).toLowerCase())
    case "starts_with":
      return typeof fact === "string" && fact.toLowerCase().startsWith(String(value).toLowerCase())
    default:
      return false
  }
}

function evaluatePositive(condition: Condition, facts: CustomerFacts, context: EvaluationContext): boolean {
  const definition = findAttribute(condition.attribute)
  if (!definition) {
    throw new Error(`unknown attribute "${condition.attribute}"`)
  }
  const { operator, value } = condition
  switch (definition.type) {
    case "purchases":
      return purchasedQuantity(definition.name, value as PurchaseFilter, facts, context) >= ((value as PurchaseFilter).min_quantity ?? 1)
    case "money": {
      if (operator === "exists") {
        return moneyExists(definition.name, facts, context)
      }
      const ends = operator === "between" ? (value as MoneyValue[]) : [value as MoneyValue]
      // Both ends carry the same currency and dates (validated).
      const fact = moneyFact(definition.name, ends[0], facts, context)
      const amounts = ends.map((m) => m.amount)
      return compare(operator, fact, operator === "between" ? amounts : amounts[0], false, context.now)
    }
    case "id_list":
    case "string_list": {
      const list = factOf(definition, facts, context) as string[]
      if (operator === "exists") {
        return list.length > 0
      }
      if (operator === "contains") {
        return list.includes(value as string)
      }
      return (value as string[]).some((item) => list.includes(item))
    }
    default: {
      const fact = factOf(definition, facts, context) as Scalar | null
      if (operator === "exists") {
        return fact !== null
      }
      const asDate = definition.type === "date"
      return compare(operator, comparable(fact, asDate, context.now), value, asDate, context.now)
    }
  }
}

export function evaluateCondition(condition: Condition, facts: CustomerFacts, context: EvaluationContext): boolean {
  const positive = POSITIVE_OF[condition.operator]
  if (positive) {
    return !evaluatePositive({ ...condition, operator: positive }, facts, context)
  }
  return evaluatePositive(condition, facts, context)
}

/** Whether the shopper's facts satisfy the rule (a validated rule). */
export function evaluate(rule: RuleNode, facts: CustomerFacts, context: EvaluationContext): boolean {
  return visit<boolean>(rule, {
    all: ({ all }) => all.every((child) => evaluate(child, facts, context)),
    any: ({ any }) => any.some((child) => evaluate(child, facts, context)),
    not: ({ not }) => !evaluate(not, facts, context),
    condition: (condition) => evaluateCondition(condition, facts, context),
  })
}
