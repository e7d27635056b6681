import { hasDateWindow, type MoneyValue, type PurchaseFilter } from "../ast"
import { sumAmounts } from "../amounts"
import { DAY_MS, resolveDate } from "../dates"
import type { CartLineFact, CustomerFacts, EvaluationContext, PurchaseFact } from "../facts"
import type { SqlContext } from "../sql-context"
import { WINDOWED_MONEY_ATTRIBUTE, moneySchema } from "../values"
import { attribute } from "./define"

/**
 * Attributes of the customer's placed, not canceled orders: count, amounts
 * per currency (never added across currencies), dates and what was bought.
 */

/** `since` / `until` as [from, to) in ms: from the start of since's UTC day to the end of until's. */
export function dateWindow(window: { since?: string; until?: string }, now: Date): [number, number] {
  return [
    window.since ? resolveDate(window.since, now).getTime() : -Infinity,
    window.until ? resolveDate(window.until, now).getTime() + DAY_MS : Infinity,
  ]
}

/** The stored total of a currency or, with a date window, the total of that currency's orders placed within it. */
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

/** The quantity of lines matching a purchase filter. */
export const matchingQuantity = (lines: (CartLineFact | PurchaseFact)[], filter: PurchaseFilter): number =>
  lines.filter((line) => lineMatches(line, filter)).reduce((sum, line) => sum + line.quantity, 0)

/** The customer's purchases within the filter's dates that match it. */
function purchasedQuantity(filter: PurchaseFilter, facts: CustomerFacts, context: EvaluationContext): number {
  const [since, until] = dateWindow(filter, context.now)
  return matchingQuantity(
    facts.purchases.filter((p) => p.purchased_at.getTime() >= since && p.purchased_at.getTime() < until),
    filter
  )
}

/** A semi-join: one pass over the matching purchases (of the scoped customers), grouped by customer. */
function purchasesSql(q: SqlContext, filter: PurchaseFilter): string {
  const where = ["cp.deleted_at IS NULL", q.scope("cp.customer_id")]
  if (filter.product_ids) {
    where.push(`cp.product_id = ANY(${q.param(filter.product_ids, "text[]")})`)
  } else if (filter.collection_ids) {
    where.push(`cp.collection_id = ANY(${q.param(filter.collection_ids, "text[]")})`)
  } else if (filter.category_ids) {
    where.push(`cp.category_ids && ${q.param(filter.category_ids, "text[]")}`)
  } else {
    where.push(`cp.type_id = ANY(${q.param(filter.type_ids ?? [], "text[]")})`)
  }
  if (filter.since) {
    where.push(`cp.purchased_at >= ${q.day(filter.since)}`)
  }
  if (filter.until) {
    where.push(`cp.purchased_at < ${q.day(filter.until, 1)}`)
  }
  // min_quantity is at least 1, so customers without purchases never qualify.
  return `${q.p}.customer_id IN (SELECT cp.customer_id FROM customer_purchase cp WHERE ${where.join(" AND ")}
    GROUP BY cp.customer_id HAVING SUM(cp.quantity) >= ${q.param(filter.min_quantity ?? 1, "int")})`
}

/** amount_spent in SQL: the stored total of the currency, or a sum over customer_order within the dates. */
function amountSpentSql(q: SqlContext, value: MoneyValue): string {
  const currency = q.param(value.currency_code, "text")
  if (!hasDateWindow(value)) {
    return `COALESCE((${q.p}.spend -> ${currency} ->> 'amount')::float8, 0)`
  }
  // The customer's orders in that currency within the dates (the (customer_id, placed_at) index); 0 without any.
  const where = [`co.customer_id = ${q.p}.customer_id`, "co.deleted_at IS NULL", `co.currency_code = ${currency}`]
  if (value.since) {
    where.push(`co.placed_at >= ${q.day(value.since)}`)
  }
  if (value.until) {
    where.push(`co.placed_at < ${q.day(value.until, 1)}`)
  }
  return `COALESCE((SELECT SUM(co.total)::float8 FROM customer_order co WHERE ${where.join(" AND ")}), 0)`
}

const moneyOf = (value: unknown): MoneyValue | undefined =>
  (Array.isArray(value) ? value[0] : value) as MoneyValue | undefined

const averageOf = (facts: CustomerFacts, currency: string): number | null => {
  const spend = facts.spend[currency]
  return spend && spend.orders > 0 ? spend.amount / spend.orders : null
}

export const orderAttributes = {
  number_of_orders: attribute({
    type: "number",
    label: "Number of orders",
    description: "Placed orders that are not canceled.",
    guest: false,
    facts: ["orders_count"],
    sql: (q) => `${q.p}.orders_count::float8`,
    read: (facts) => facts.number_of_orders,
  }),
  amount_spent: attribute({
    type: "money",
    label: "Amount spent",
    description:
      "Sum of the totals of placed, not canceled orders in one currency (currencies are never added together); optionally only orders placed within dates (SINCE / UNTIL).",
    guest: false,
    facts: ["spend", "orders"],
    single: () => moneySchema(WINDOWED_MONEY_ATTRIBUTE, true),
    sql: (q) => ({ amount: (value) => amountSpentSql(q, value), exists: `${q.p}.spend <> '{}'::jsonb` }),
    read: (facts, context) => ({
      amount: (value) => amountSpent(value, facts, context.now),
      exists: Object.keys(facts.spend).length > 0,
    }),
    // Within the condition's dates when it has them (the window is shown with the amount).
    explain: (facts, context, value) => {
      const money = moneyOf(value)
      return money
        ? {
            amount: amountSpent(money, facts, context.now),
            currency_code: money.currency_code,
            ...(money.since !== undefined && { since: money.since }),
            ...(money.until !== undefined && { until: money.until }),
          }
        : facts.spend
    },
  }),
  average_order_value: attribute({
    type: "money",
    label: "Average order value",
    description: "Amount spent divided by the number of orders, in one currency.",
    guest: false,
    facts: ["spend"],
    sql: (q) => ({
      amount: (value) => {
        const entry = `(${q.p}.spend -> ${q.param(value.currency_code, "text")})`
        return `(CASE WHEN (${entry} ->> 'orders')::int > 0 THEN (${entry} ->> 'amount')::float8 / (${entry} ->> 'orders')::float8 END)`
      },
      exists: `EXISTS (SELECT 1 FROM jsonb_each(${q.p}.spend) AS s(currency, v) WHERE (s.v ->> 'orders')::int > 0)`,
    }),
    read: (facts) => ({
      amount: (value) => averageOf(facts, value.currency_code),
      exists: Object.values(facts.spend).some((s) => s.orders > 0),
    }),
    explain: (facts, _context, value) => {
      const currency = moneyOf(value)?.currency_code
      const average = currency ? averageOf(facts, currency) : null
      return average === null ? null : { amount: average, currency_code: currency }
    },
  }),
  first_order_date: attribute({
    type: "date",
    label: "First order date",
    description: "When the first placed, not canceled order was made; empty without orders.",
    guest: false,
    facts: ["first_order_at"],
    sql: (q) => `${q.p}.first_order_at`,
    read: (facts) => facts.first_order_date,
  }),
  last_order_date: attribute({
    type: "date",
    label: "Last order date",
    description: "When the latest placed, not canceled order was made; empty without orders.",
    guest: false,
    facts: ["last_order_at"],
    sql: (q) => `${q.p}.last_order_at`,
    read: (facts) => facts.last_order_date,
  }),
  products_purchased: attribute({
    type: "purchases",
    label: "Products purchased",
    description:
      "Products bought in placed, not canceled orders: by product, collection, category or type, optionally within dates and from a minimum quantity.",
    guest: false,
    picker: "product",
    facts: ["purchases"],
    sql: (q) => (filter) => purchasesSql(q, filter),
    read: (facts, context) => (filter) => purchasedQuantity(filter, facts, context),
    explain: (facts, context, value) => ({ quantity: purchasedQuantity((value ?? {}) as PurchaseFilter, facts, context) }),
  }),
}
