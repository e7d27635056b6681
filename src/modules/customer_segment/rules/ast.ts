/**
 * The segment rule tree. Three kinds of group and one kind of leaf:
 *
 *   { all: [...] } | { any: [...] } | { not: node } | { attribute, operator, value }
 *
 * Pure TypeScript: no Medusa imports (the engine is shared by the module, the
 * routes, the admin and the benchmarks).
 */

export const OPERATORS = [
  "eq",
  "neq",
  "in",
  "not_in",
  "gt",
  "gte",
  "lt",
  "lte",
  "between",
  "contains",
  "not_contains",
  "starts_with",
  "exists",
  "not_exists",
] as const
export type Operator = (typeof OPERATORS)[number]

/** The operators that are not a negation; every other operator is built from one of these. */
export const POSITIVE_OPERATORS = ["eq", "in", "gt", "gte", "lt", "lte", "between", "contains", "starts_with", "exists"] as const
export type PositiveOperator = (typeof POSITIVE_OPERATORS)[number]
export type NegativeOperator = Exclude<Operator, PositiveOperator>

/**
 * Each negative operator is the exact negation of its positive (both
 * evaluators build it so: NOT of the two-valued positive). Typed so that an
 * operator added to OPERATORS is a compile error until it is either positive
 * or named here.
 */
export const POSITIVE_OF: Record<NegativeOperator, PositiveOperator> = {
  neq: "eq",
  not_in: "in",
  not_contains: "contains",
  not_exists: "exists",
}

export const isNegative = (operator: Operator): operator is NegativeOperator => operator in POSITIVE_OF

/** What an operator takes: nothing, one value, a list, or two values (BETWEEN). */
export type Arity = "none" | "one" | "list" | "pair"
export const ARITY: Record<Operator, Arity> = {
  eq: "one",
  neq: "one",
  in: "list",
  not_in: "list",
  gt: "one",
  gte: "one",
  lt: "one",
  lte: "one",
  between: "pair",
  contains: "one",
  not_contains: "one",
  starts_with: "one",
  exists: "none",
  not_exists: "none",
}

/** Bounds on a rule: deeper or larger rules are refused (400). */
export const MAX_DEPTH = 10
export const MAX_CONDITIONS = 200
export const MAX_LIST_ITEMS = 500
export const MAX_STRING_LENGTH = 500

/**
 * An amount in one currency. On amount_spent only, an optional date window:
 * orders placed on or after `since` and on or before `until` (dates as in
 * purchase filters: absolute "2026-01-31" or relative "-90d").
 */
export type MoneyValue = { amount: number; currency_code: string; since?: string; until?: string }

/** Whether a money value restricts the orders it adds up to a date window. */
export const hasDateWindow = (value: MoneyValue): boolean => value.since !== undefined || value.until !== undefined

/** "products_purchased" / "cart_products": which products, optionally when and how many. */
export type PurchaseFilter = {
  product_ids?: string[]
  collection_ids?: string[]
  category_ids?: string[]
  type_ids?: string[]
  /** Absolute ("2026-01-31") or relative ("-90d") date; purchases on or after it. */
  since?: string
  /** Absolute or relative date; purchases on or before it. */
  until?: string
  /** Total quantity bought across matching products (default 1). */
  min_quantity?: number
}

export type ConditionValue =
  | string
  | number
  | boolean
  | string[]
  | number[]
  | (string | number | boolean)[]
  | [number, number]
  | [string, string]
  | MoneyValue
  | [MoneyValue, MoneyValue]
  | PurchaseFilter

export type Condition = {
  attribute: string
  operator: Operator
  value?: ConditionValue
}
export type AllNode = { all: RuleNode[] }
export type AnyNode = { any: RuleNode[] }
export type NotNode = { not: RuleNode }
export type RuleNode = AllNode | AnyNode | NotNode | Condition

export const isAll = (node: RuleNode): node is AllNode => "all" in node
export const isAny = (node: RuleNode): node is AnyNode => "any" in node
export const isNot = (node: RuleNode): node is NotNode => "not" in node

/**
 * One function per node kind: adding a kind fails to compile until every
 * interpreter (printer, evaluators, SQL compiler) handles it.
 */
export type RuleVisitor<R> = {
  all: (node: AllNode) => R
  any: (node: AnyNode) => R
  not: (node: NotNode) => R
  condition: (node: Condition) => R
}

export function visit<R>(node: RuleNode, visitor: RuleVisitor<R>): R {
  if (isAll(node)) {
    return visitor.all(node)
  }
  if (isAny(node)) {
    return visitor.any(node)
  }
  if (isNot(node)) {
    return visitor.not(node)
  }
  return visitor.condition(node)
}

/**
 * The canonical form the text syntax round-trips to: a group with a single
 * child is that child. Nested groups of the same kind are kept (the text
 * shows them with parentheses).
 */
export function normalize(node: RuleNode): RuleNode {
  return visit<RuleNode>(node, {
    all: ({ all }) => (all.length === 1 ? normalize(all[0]) : { all: all.map(normalize) }),
    any: ({ any }) => (any.length === 1 ? normalize(any[0]) : { any: any.map(normalize) }),
    not: ({ not }) => ({ not: normalize(not) }),
    condition: (c) => c,
  })
}
