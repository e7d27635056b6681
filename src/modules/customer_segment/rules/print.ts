import {
  ARITY,
  isAll,
  isAny,
  normalize,
  visit,
  type Condition,
  type ConditionValue,
  type MoneyValue,
  type PurchaseFilter,
  type RuleNode,
} from "./ast"
import { findAttribute } from "./registry"
import { OPERATOR_SPELLING } from "./spelling"
import { isDateValue } from "./dates"

/** How each operator is written (the parser's table). */
export const OPERATOR_TEXT = OPERATOR_SPELLING

export const quote = (s: string) => `'${s.replace(/'/g, "''")}'`

const isMoney = (v: unknown): v is MoneyValue =>
  !!v && typeof v === "object" && !Array.isArray(v) && "amount" in v && "currency_code" in v

/** An amount and its currency, then (when asked) its dates: `500 EUR SINCE -90d UNTIL 2026-06-30`. */
function printMoney(value: MoneyValue, withWindow: boolean): string {
  const parts = [`${value.amount} ${value.currency_code.toUpperCase()}`]
  if (withWindow && value.since !== undefined) {
    parts.push(`SINCE ${printScalar(value.since, true)}`)
  }
  if (withWindow && value.until !== undefined) {
    parts.push(`UNTIL ${printScalar(value.until, true)}`)
  }
  return parts.join(" ")
}

function printScalar(value: unknown, asDate: boolean): string {
  if (typeof value === "number" || typeof value === "boolean") {
    return String(value)
  }
  if (isMoney(value)) {
    return printMoney(value, true)
  }
  const text = String(value)
  return asDate && isDateValue(text) ? text : quote(text)
}

const FILTER_KEYS: [keyof PurchaseFilter, string][] = [
  ["product_ids", "product"],
  ["collection_ids", "collection"],
  ["category_ids", "category"],
  ["type_ids", "type"],
  ["since", "since"],
  ["until", "until"],
  ["min_quantity", "min_quantity"],
]

function printFilter(filter: PurchaseFilter): string {
  const parts: string[] = []
  for (const [key, word] of FILTER_KEYS) {
    const value = filter[key]
    if (value === undefined) {
      continue
    }
    if (Array.isArray(value)) {
      parts.push(`${word}: ${value.length === 1 ? quote(value[0]) : `(${value.map(quote).join(", ")})`}`)
    } else {
      parts.push(`${word}: ${printScalar(value, key === "since" || key === "until")}`)
    }
  }
  return `(${parts.join(", ")})`
}

function printValue(condition: Condition): string {
  const { operator, value } = condition
  const asDate = findAttribute(condition.attribute)?.type === "date"
  switch (ARITY[operator]) {
    case "none":
      return ""
    case "pair": {
      const [a, b] = value as [unknown, unknown]
      // Money: both ends share their dates, written once after the second amount.
      return isMoney(a) && isMoney(b)
        ? `${printMoney(a, false)} AND ${printMoney(b, true)}`
        : `${printScalar(a, asDate)} AND ${printScalar(b, asDate)}`
    }
    case "list":
      return `(${(value as unknown[]).map((v) => printScalar(v, asDate)).join(", ")})`
    default:
      return value && typeof value === "object" && !isMoney(value) && !Array.isArray(value)
        ? printFilter(value as PurchaseFilter)
        : printScalar(value as ConditionValue, asDate)
  }
}

export function printCondition(condition: Condition): string {
  const value = printValue(condition)
  return [condition.attribute, OPERATOR_SPELLING[condition.operator], value].filter(Boolean).join(" ")
}

const isGroup = (node: RuleNode) => isAll(node) || isAny(node)

/**
 * The text form of a rule. `parse(print(rule))` gives back `normalize(rule)`:
 * nested groups are parenthesised, a group of one is its child.
 */
export function print(rule: RuleNode): string {
  return printNode(normalize(rule))
}

function printNode(rule: RuleNode): string {
  const child = (node: RuleNode) => (isGroup(node) ? `(${printNode(node)})` : printNode(node))
  return visit<string>(rule, {
    all: ({ all }) => all.map(child).join(" AND "),
    any: ({ any }) => any.map(child).join(" OR "),
    not: ({ not }) => `NOT ${child(not)}`,
    condition: printCondition,
  })
}
