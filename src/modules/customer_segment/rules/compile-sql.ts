import { POSITIVE_OF, isNegative, visit, type Condition, type PositiveOperator, type RuleNode } from "./ast"
import { DEFAULT_ABANDONED_AFTER_MINUTES } from "./facts"
import { operatorOf, type Operands, type ValueType } from "./operators"
import { attributeOf, type AttributeEntry } from "./registry"
import { SqlParams, sqlContext, type SqlContext } from "./sql-context"

/**
 * The SQL evaluator: a rule as one WHERE clause over the facts projection
 * (`customer_profile` as `p`; purchases and segment memberships through
 * semi-joins; amounts spent within dates through a correlated sum over
 * `customer_order`). Values are always bound as numbered parameters, never
 * pasted. Means exactly what `evaluate` means, with no cart (bulk refreshes
 * have none: cart conditions see an empty cart).
 */
export type CompiledSql = {
  sql: string
  /** The values of $1, $2, …: the statement's own first, when `params` was given. */
  params: unknown[]
}

export type CompileOptions = {
  now: Date
  /** Alias of customer_profile in the surrounding query. */
  alias?: string
  /** The statement's parameters so far: the rule's are numbered after them. */
  params?: SqlParams
  /**
   * A condition on a customer id column (e.g. a refresh batch's id range,
   * written with the statement's own parameters) that keeps every row of the
   * customers being evaluated: sub-selects over purchases and memberships read only those.
   */
  scope?: (column: string) => string
  abandoned_after_minutes?: number
}

/** The SQL of a positive condition: the type's operator over the attribute's operand. */
function positiveSql(q: SqlContext, condition: Condition, operator: PositiveOperator): string {
  const definition = attributeOf(condition.attribute) as AttributeEntry<ValueType>
  const impl = operatorOf(definition.type, operator)
  const operand = definition.sql(q, condition.attribute) as Operands[ValueType]["sql"]
  return impl.sql(q, operand, condition.value as never)
}

/**
 * Every condition is two-valued: a NULL comparison counts as false before any
 * NOT applies. A negative operator is `(positive) IS NOT TRUE`; a positive one
 * is `(positive) IS TRUE` under a NOT and bare elsewhere (in a WHERE clause a
 * NULL under AND / OR already counts as false), which keeps it indexable. Both
 * forms let the planner estimate the comparison (a COALESCE would hide it).
 */
function conditionSql(q: SqlContext, condition: Condition, underNot: boolean): string {
  if (isNegative(condition.operator)) {
    return `(${positiveSql(q, condition, POSITIVE_OF[condition.operator])}) IS NOT TRUE`
  }
  const positive = positiveSql(q, condition, condition.operator)
  return underNot ? `(${positive}) IS TRUE` : `(${positive})`
}

/** A WHERE clause (with its parameters) selecting the customer_profile rows that match a validated rule. */
export function compileSql(rule: RuleNode, options: CompileOptions): CompiledSql {
  const params = options.params ?? new SqlParams()
  const q = sqlContext({
    params,
    now: options.now,
    alias: options.alias ?? "p",
    scope: options.scope,
    abandoned_after_minutes: options.abandoned_after_minutes ?? DEFAULT_ABANDONED_AFTER_MINUTES,
  })
  const sql = (node: RuleNode, underNot: boolean): string =>
    visit<string>(node, {
      all: ({ all }) => `(${all.map((child) => sql(child, underNot)).join(" AND ")})`,
      any: ({ any }) => `(${any.map((child) => sql(child, underNot)).join(" OR ")})`,
      not: ({ not }) => `(NOT ${sql(not, true)})`,
      condition: (condition) => conditionSql(q, condition, underNot),
    })
  return { sql: sql(rule, false), params: params.values }
}
