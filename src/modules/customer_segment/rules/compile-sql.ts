import { POSITIVE_OF, hasDateWindow, visit, type Condition, type MoneyValue, type Operator, type PurchaseFilter, type RuleNode } from "./ast"
import { METADATA_PREFIX, findAttribute, type AttributeDefinition } from "./attributes"
import { DAY_MS, resolveDate } from "./dates"

/**
 * The SQL evaluator: a rule as one WHERE clause over the facts projection
 * (`customer_profile` as `p`; purchases through a semi-join on
 * `customer_purchase`; amounts spent within dates through a correlated sum
 * over `customer_order`). Values are always bound (`?` placeholders, knex
 * style), never pasted. Means exactly what `evaluate` means, with no cart
 * (bulk refreshes have none: cart conditions see an empty cart).
 */
export type CompiledSql = { sql: string; bindings: unknown[] }

export type CompileOptions = {
  now: Date
  /** Alias of customer_profile in the surrounding query. */
  alias?: string
  /**
   * An extra condition on `customer_purchase cp` (SQL without placeholders)
   * that keeps every purchase of the customers being evaluated, e.g. the
   * customer id range of a refresh batch, so purchase rules read only those.
   */
  purchaseScope?: string
}

class Builder {
  readonly bindings: unknown[] = []

  constructor(
    readonly p: string,
    readonly now: Date,
    readonly purchaseScope?: string
  ) {}

  bind(value: unknown): string {
    this.bindings.push(value)
    return "?"
  }

  list(values: readonly unknown[], cast = ""): string {
    return values.map((v) => `${this.bind(v)}${cast}`).join(", ")
  }

  day(value: string, plusDays = 0): string {
    return `${this.bind(new Date(resolveDate(value, this.now).getTime() + plusDays * DAY_MS))}::timestamptz`
  }
}

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`)

/** SQL for a text (or jsonb-string) expression and a scalar operator; null when it does not apply. */
function textCondition(b: Builder, expr: string, operator: Operator, value: unknown, lower: boolean): string {
  const column = lower ? `lower(${expr})` : expr
  switch (operator) {
    case "eq":
      return `${column} = ${b.bind(value)}`
    case "in":
      return `${column} IN (${b.list(value as unknown[])})`
    case "contains":
      return `lower(${expr}) LIKE ${b.bind(`%${escapeLike(String(value).toLowerCase())}%`)} ESCAPE '\\'`
    case "starts_with":
      return `lower(${expr}) LIKE ${b.bind(`${escapeLike(String(value).toLowerCase())}%`)} ESCAPE '\\'`
    case "exists":
      return `${expr} IS NOT NULL`
    default:
      return "false"
  }
}

function numberCondition(b: Builder, expr: string, operator: Operator, value: unknown): string {
  switch (operator) {
    case "eq":
      return `${expr} = ${b.bind(value)}::float8`
    case "in":
      return `${expr} IN (${b.list(value as unknown[], "::float8")})`
    case "gt":
      return `${expr} > ${b.bind(value)}::float8`
    case "gte":
      return `${expr} >= ${b.bind(value)}::float8`
    case "lt":
      return `${expr} < ${b.bind(value)}::float8`
    case "lte":
      return `${expr} <= ${b.bind(value)}::float8`
    case "between": {
      const [low, high] = value as [number, number]
      return `${expr} BETWEEN ${b.bind(low)}::float8 AND ${b.bind(high)}::float8`
    }
    case "exists":
      return `${expr} IS NOT NULL`
    default:
      return "false"
  }
}

/** Dates compare by UTC day: `= D` is [D, D+1), `> D` is from D+1. */
function dateCondition(b: Builder, expr: string, operator: Operator, value: unknown): string {
  switch (operator) {
    case "eq":
      return `(${expr} >= ${b.day(value as string)} AND ${expr} < ${b.day(value as string, 1)})`
    case "gt":
      return `${expr} >= ${b.day(value as string, 1)}`
    case "gte":
      return `${expr} >= ${b.day(value as string)}`
    case "lt":
      return `${expr} < ${b.day(value as string)}`
    case "lte":
      return `${expr} < ${b.day(value as string, 1)}`
    case "between": {
      const [low, high] = value as [string, string]
      return `(${expr} >= ${b.day(low)} AND ${expr} < ${b.day(high, 1)})`
    }
    case "exists":
      return `${expr} IS NOT NULL`
    default:
      return "false"
  }
}

function listCondition(b: Builder, expr: string, operator: Operator, value: unknown): string {
  switch (operator) {
    case "contains":
      return `${b.bind(value)}::text = ANY(${expr})`
    case "in":
      return `${expr} && ARRAY[${b.list(value as unknown[])}]::text[]`
    case "exists":
      return `cardinality(${expr}) > 0`
    default:
      return "false"
  }
}

function moneyCondition(b: Builder, definition: AttributeDefinition, operator: Operator, value: unknown): string {
  const { p } = b
  if (operator === "exists") {
    switch (definition.name) {
      case "amount_spent":
        return `${p}.spend <> '{}'::jsonb`
      case "average_order_value":
        return `EXISTS (SELECT 1 FROM jsonb_each(${p}.spend) AS s(currency, v) WHERE (s.v->>'orders')::int > 0)`
      default:
        return "false"
    }
  }
  const ends = operator === "between" ? (value as MoneyValue[]) : [value as MoneyValue]
  const currency = ends[0].currency_code
  let expr: string
  switch (definition.name) {
    case "amount_spent": {
      const window = ends[0]
      if (!hasDateWindow(window)) {
        expr = `COALESCE((${p}.spend -> ${b.bind(currency)}::text ->> 'amount')::float8, 0)`
        break
      }
      // The customer's orders in that currency within the dates (the (customer_id, placed_at) index); 0 without any.
      const where = [`co.customer_id = ${p}.customer_id`, "co.deleted_at IS NULL", `co.currency_code = ${b.bind(currency)}::text`]
      if (window.since) {
        where.push(`co.placed_at >= ${b.day(window.since)}`)
      }
      if (window.until) {
        where.push(`co.placed_at < ${b.day(window.until, 1)}`)
      }
      expr = `COALESCE((SELECT SUM(co.total)::float8 FROM customer_order co WHERE ${where.join(" AND ")}), 0)`
      break
    }
    case "average_order_value": {
      // One binding per use: each placeholder consumes its own value, in text order.
      const entry = () => `(${p}.spend -> ${b.bind(currency)}::text)`
      expr = `(CASE WHEN (${entry()} ->> 'orders')::int > 0 THEN (${entry()} ->> 'amount')::float8 / (${entry()} ->> 'orders')::float8 END)`
      break
    }
    default:
      // cart_subtotal: no cart in SQL, an empty one's subtotal is 0.
      expr = "0::float8"
  }
  const amounts = ends.map((m) => m.amount)
  return numberCondition(b, expr, operator, operator === "between" ? amounts : amounts[0])
}

function purchaseCondition(b: Builder, definition: AttributeDefinition, filter: PurchaseFilter): string {
  if (definition.name === "cart_products") {
    return "false"
  }
  // A semi-join: one pass over the matching purchases, grouped by customer
  // (min_quantity is at least 1, so customers without purchases never qualify).
  const where = ["cp.deleted_at IS NULL", ...(b.purchaseScope ? [`(${b.purchaseScope})`] : [])]
  if (filter.product_ids) {
    where.push(`cp.product_id IN (${b.list(filter.product_ids)})`)
  } else if (filter.collection_ids) {
    where.push(`cp.collection_id IN (${b.list(filter.collection_ids)})`)
  } else if (filter.category_ids) {
    where.push(`cp.category_ids && ARRAY[${b.list(filter.category_ids)}]::text[]`)
  } else {
    where.push(`cp.type_id IN (${b.list(filter.type_ids ?? [])})`)
  }
  if (filter.since) {
    where.push(`cp.purchased_at >= ${b.day(filter.since)}`)
  }
  if (filter.until) {
    where.push(`cp.purchased_at < ${b.day(filter.until, 1)}`)
  }
  return `${b.p}.customer_id IN (SELECT cp.customer_id FROM customer_purchase cp WHERE ${where.join(" AND ")} GROUP BY cp.customer_id HAVING SUM(cp.quantity) >= ${b.bind(filter.min_quantity ?? 1)})`
}

function metadataCondition(b: Builder, key: string, operator: Operator, value: unknown): string {
  // A function: every use binds the key again (one value per placeholder, in text order).
  const json = () => `(${b.p}.metadata -> ${b.bind(key)}::text)`
  switch (operator) {
    case "eq":
      return `${json()} = ${b.bind(JSON.stringify(value))}::jsonb`
    case "in":
      return `${json()} IN (${b.list((value as unknown[]).map((v) => JSON.stringify(v)), "::jsonb")})`
    case "exists":
      return `jsonb_typeof(${json()}) IN ('string', 'number', 'boolean')`
    case "gt":
    case "gte":
    case "lt":
    case "lte": {
      const number = `(CASE WHEN jsonb_typeof(${json()}) = 'number' THEN (${json()} #>> '{}')::float8 END)`
      return numberCondition(b, number, operator, value)
    }
    default: {
      const text = `(CASE WHEN jsonb_typeof(${json()}) = 'string' THEN ${json()} #>> '{}' END)`
      return textCondition(b, text, operator, value, false)
    }
  }
}

function positiveCondition(b: Builder, condition: Condition): string {
  const definition = findAttribute(condition.attribute)
  if (!definition) {
    throw new Error(`unknown attribute "${condition.attribute}"`)
  }
  const { operator, value } = condition
  const { p } = b
  switch (definition.name) {
    case "email":
      return textCondition(b, `${p}.email`, operator, value, true)
    case "email_domain":
      if (operator === "eq" || operator === "in") {
        // The domain is what follows the last @: for a value without @, "ends with @value" is the same test,
        // and a LIKE is far cheaper per row than extracting the domain.
        const domains = (operator === "eq" ? [value] : (value as unknown[])).map((v) => String(v))
        const usable = domains.filter((d) => d !== "" && !d.includes("@"))
        return usable.length
          ? `(${usable.map((d) => `lower(${p}.email) LIKE ${b.bind(`%@${escapeLike(d.toLowerCase())}`)} ESCAPE '\\'`).join(" OR ")})`
          : "false"
      }
      return textCondition(b, `NULLIF(substring(lower(${p}.email) from '@([^@]*)$'), '')`, operator, value, false)
    case "first_name":
    case "last_name":
      return textCondition(b, `${p}.${definition.name}`, operator, value, false)
    case "has_account":
      return operator === "eq" ? `${p}.has_account = ${b.bind(value)}::boolean` : "false"
    case "customer_added_date":
      return dateCondition(b, `${p}.customer_added_at`, operator, value)
    case "first_order_date":
      return dateCondition(b, `${p}.first_order_at`, operator, value)
    case "last_order_date":
      return dateCondition(b, `${p}.last_order_at`, operator, value)
    case "customer_groups":
      return listCondition(b, `${p}.group_ids`, operator, value)
    case "countries":
    case "provinces":
    case "cities":
      return listCondition(b, `${p}.${definition.name}`, operator, value)
    case "number_of_orders":
      return numberCondition(b, `${p}.orders_count::float8`, operator, value)
    case "cart_item_count":
      return numberCondition(b, "0::float8", operator, value)
  }
  switch (definition.type) {
    case "money":
      return moneyCondition(b, definition, operator, value)
    case "purchases":
      return purchaseCondition(b, definition, value as PurchaseFilter)
    case "metadata":
      return metadataCondition(b, definition.name.slice(METADATA_PREFIX.length), operator, value)
    default:
      throw new Error(`no SQL for attribute "${definition.name}"`)
  }
}

/** Every condition is two-valued: a NULL comparison counts as false before any NOT applies. */
function conditionSql(b: Builder, condition: Condition): string {
  const positive = POSITIVE_OF[condition.operator]
  if (positive) {
    return `NOT COALESCE(${positiveCondition(b, { ...condition, operator: positive })}, false)`
  }
  return `COALESCE(${positiveCondition(b, condition)}, false)`
}

/** A WHERE clause (with its bindings) selecting the customer_profile rows that match the rule. */
export function compileSql(rule: RuleNode, options: CompileOptions): CompiledSql {
  const b = new Builder(options.alias ?? "p", options.now, options.purchaseScope)
  const sql = (node: RuleNode): string =>
    visit<string>(node, {
      all: ({ all }) => `(${all.map(sql).join(" AND ")})`,
      any: ({ any }) => `(${any.map(sql).join(" OR ")})`,
      not: ({ not }) => `(NOT ${sql(not)})`,
      condition: (condition) => conditionSql(b, condition),
    })
  return { sql: sql(rule), bindings: b.bindings }
}
