import type { MoneyValue, PositiveOperator, PurchaseFilter } from "./ast"
import { DAY_MS, resolveDate } from "./dates"
import type { EvaluationContext } from "./facts"
import { fold } from "./fold"
import type { SqlContext } from "./sql-context"

/**
 * The operators of each value type, one small function per operator and
 * evaluator (after ucast: a registry of tiny interpreters). Only positive
 * operators are here; both evaluators build each negation from its positive.
 * The tables are typed so that leaving out an operator a type lists is a
 * compile error, and `operatorOf` throws for one it does not list.
 */
export const TYPE_OPERATORS = {
  string: ["eq", "in", "contains", "starts_with", "exists"],
  number: ["eq", "gt", "gte", "lt", "lte", "between", "in", "exists"],
  money: ["eq", "gt", "gte", "lt", "lte", "between", "exists"],
  date: ["eq", "gt", "gte", "lt", "lte", "between", "exists"],
  boolean: ["eq"],
  id_list: ["contains", "in", "exists"],
  string_list: ["contains", "in", "exists"],
  purchases: ["contains"],
  metadata: ["eq", "in", "gt", "gte", "lt", "lte", "contains", "starts_with", "exists"],
} as const satisfies Record<string, readonly PositiveOperator[]>

export type ValueType = keyof typeof TYPE_OPERATORS
export type OperatorOfType<T extends ValueType> = (typeof TYPE_OPERATORS)[T][number]

/** A metadata value a rule compares with. */
export type MetadataScalar = string | number | boolean

/** One value of each type, as a validated rule holds it. */
export type SingleValue = {
  string: string
  number: number
  money: MoneyValue
  date: string
  boolean: boolean
  id_list: string
  string_list: string
  purchases: PurchaseFilter
  metadata: MetadataScalar
}

export type ValueOf<T extends ValueType, O extends PositiveOperator> = O extends "exists"
  ? undefined
  : O extends "in"
    ? SingleValue[T][]
    : O extends "between"
      ? [SingleValue[T], SingleValue[T]]
      : SingleValue[T]

/** A list attribute in SQL: whether it shares a value with a bound text[] parameter, and whether it has any. */
export type ListSql = { overlaps: (values: string) => string; any: string }

/**
 * What an attribute gives the operators of its type: an SQL expression (or
 * builder) and the in-memory fact. Text comes exact and folded (fold.ts):
 * `=` and IN compare the exact value (folded already for attributes compared
 * without case), CONTAINS and STARTS WITH the folded one.
 */
export type Operands = {
  string: { sql: { exact: string; folded: string }; fact: { exact: string | null; folded: string | null } }
  number: { sql: string; fact: number | null }
  money: {
    sql: { amount: (value: MoneyValue) => string; exists: string }
    fact: { amount: (value: MoneyValue) => number | null; exists: boolean }
  }
  date: { sql: string; fact: Date | null }
  boolean: { sql: string; fact: boolean | null }
  id_list: { sql: ListSql; fact: string[] }
  string_list: { sql: ListSql; fact: string[] }
  /** A condition for the filter (semi-join), and the quantity bought that matches it. */
  purchases: { sql: (filter: PurchaseFilter) => string; fact: (filter: PurchaseFilter) => number }
  /** The jsonb value and its folded copy (strings folded). */
  metadata: { sql: { json: string; folded: string }; fact: { value: unknown; folded: unknown } }
}

export type OperatorImpl<T extends ValueType, O extends PositiveOperator> = {
  sql: (q: SqlContext, operand: Operands[T]["sql"], value: ValueOf<T, O>) => string
  test: (fact: Operands[T]["fact"], value: ValueOf<T, O>, context: EvaluationContext) => boolean
}

export type OperatorTable<T extends ValueType> = { [O in OperatorOfType<T>]: OperatorImpl<T, O> }

// ------------------------------------------------------------------ shared pieces

type Ordered = "gt" | "gte" | "lt" | "lte"
const SQL_ORDER: Record<Ordered, string> = { gt: ">", gte: ">=", lt: "<", lte: "<=" }
const JS_ORDER: Record<Ordered, (a: number, b: number) => boolean> = {
  gt: (a, b) => a > b,
  gte: (a, b) => a >= b,
  lt: (a, b) => a < b,
  lte: (a, b) => a <= b,
}

/** eq, gt, gte, lt, lte, between over float8 SQL and numbers, for any operand that yields one. */
function numeric<T extends ValueType, V>(
  sqlOf: (operand: Operands[T]["sql"], value: V) => string,
  factOf: (fact: Operands[T]["fact"], value: V) => number | null,
  amountOf: (value: V) => number
) {
  const ordered = (op: Ordered): OperatorImpl<T, Ordered> => ({
    sql: (q, operand, value) => `${sqlOf(operand, value as V)} ${SQL_ORDER[op]} ${q.param(amountOf(value as V), "float8")}`,
    test: (fact, value) => {
      const n = factOf(fact, value as V)
      return n !== null && JS_ORDER[op](n, amountOf(value as V))
    },
  })
  return {
    eq: {
      sql: (q, operand, value) => `${sqlOf(operand, value as V)} = ${q.param(amountOf(value as V), "float8")}`,
      test: (fact, value) => factOf(fact, value as V) === amountOf(value as V),
    } as OperatorImpl<T, "eq">,
    gt: ordered("gt") as OperatorImpl<T, "gt">,
    gte: ordered("gte") as OperatorImpl<T, "gte">,
    lt: ordered("lt") as OperatorImpl<T, "lt">,
    lte: ordered("lte") as OperatorImpl<T, "lte">,
    between: {
      sql: (q, operand, value) => {
        const [low, high] = value as unknown as [V, V]
        return `${sqlOf(operand, low)} BETWEEN ${q.param(amountOf(low), "float8")} AND ${q.param(amountOf(high), "float8")}`
      },
      test: (fact, value) => {
        const [low, high] = value as unknown as [V, V]
        const n = factOf(fact, low)
        return n !== null && n >= amountOf(low) && n <= amountOf(high)
      },
    } as OperatorImpl<T, "between">,
  }
}

/** The start of a date's UTC day, in ms. */
const dayOf = (time: number) => Math.floor(time / DAY_MS) * DAY_MS

const listTable = <T extends "id_list" | "string_list">(): OperatorTable<T> =>
  ({
    contains: {
      sql: (q, operand, value) => operand.overlaps(q.param([value], "text[]")),
      test: (fact, value) => fact.includes(value as string),
    },
    in: {
      sql: (q, operand, values) => operand.overlaps(q.param(values, "text[]")),
      test: (fact, values) => (values as string[]).some((v) => fact.includes(v)),
    },
    exists: { sql: (_q, operand) => operand.any, test: (fact) => fact.length > 0 },
  }) as OperatorTable<T>

const jsonString = (expr: string) => `(CASE WHEN jsonb_typeof(${expr}) = 'string' THEN ${expr} #>> '{}' END)`
const jsonNumber = (expr: string) => `(CASE WHEN jsonb_typeof(${expr}) = 'number' THEN (${expr} #>> '{}')::float8 END)`
const isScalar = (v: unknown): v is MetadataScalar => typeof v === "string" || typeof v === "number" || typeof v === "boolean"

// ------------------------------------------------------------------ the tables

/** A comparison on a metadata value that is a number (any other value: false). */
const metadataOrdered = (op: Ordered): OperatorImpl<"metadata", Ordered> => ({
  sql: (q, o, value) => `${jsonNumber(o.json)} ${SQL_ORDER[op]} ${q.param(value, "float8")}`,
  test: (f, value) => typeof f.value === "number" && typeof value === "number" && JS_ORDER[op](f.value, value),
})

/** A date fact's UTC day against a date value's day. */
const onDay =
  (compare: (factDay: number, valueDay: number) => boolean) =>
  (fact: Date | null, value: string, context: EvaluationContext) =>
    fact !== null && compare(dayOf(fact.getTime()), resolveDate(value, context.now).getTime())

export const OPERATOR_TABLES: { [T in ValueType]: OperatorTable<T> } = {
  string: {
    eq: { sql: (q, o, value) => `${o.exact} = ${q.param(value, "text")}`, test: (f, value) => f.exact === value },
    in: { sql: (q, o, values) => `${o.exact} = ANY(${q.param(values, "text[]")})`, test: (f, values) => f.exact !== null && values.includes(f.exact) },
    contains: {
      sql: (q, o, value) => `strpos(${o.folded}, ${q.param(fold(value), "text")}) > 0`,
      test: (f, value) => f.folded !== null && f.folded.includes(fold(value)),
    },
    starts_with: {
      sql: (q, o, value) => `starts_with(${o.folded}, ${q.param(fold(value), "text")})`,
      test: (f, value) => f.folded !== null && f.folded.startsWith(fold(value)),
    },
    exists: { sql: (_q, o) => `${o.exact} IS NOT NULL`, test: (f) => f.exact !== null },
  },
  number: {
    ...numeric<"number", number>((o) => o, (f) => f, (v) => v),
    in: { sql: (q, o, values) => `${o} = ANY(${q.param(values, "float8[]")})`, test: (f, values) => f !== null && values.includes(f) },
    exists: { sql: (_q, o) => `${o} IS NOT NULL`, test: (f) => f !== null },
  },
  money: {
    ...numeric<"money", MoneyValue>((o, v) => o.amount(v), (f, v) => f.amount(v), (v) => v.amount),
    exists: { sql: (_q, o) => o.exists, test: (f) => f.exists },
  },
  // Dates compare by UTC day: `= D` is [D, D+1), `> D` is from D+1, `<= D` is before D+1.
  date: {
    eq: { sql: (q, o, v) => `(${o} >= ${q.day(v)} AND ${o} < ${q.day(v, 1)})`, test: onDay((f, v) => f === v) },
    gt: { sql: (q, o, v) => `${o} >= ${q.day(v, 1)}`, test: onDay((f, v) => f > v) },
    gte: { sql: (q, o, v) => `${o} >= ${q.day(v)}`, test: onDay((f, v) => f >= v) },
    lt: { sql: (q, o, v) => `${o} < ${q.day(v)}`, test: onDay((f, v) => f < v) },
    lte: { sql: (q, o, v) => `${o} < ${q.day(v, 1)}`, test: onDay((f, v) => f <= v) },
    between: {
      sql: (q, o, [low, high]) => `(${o} >= ${q.day(low)} AND ${o} < ${q.day(high, 1)})`,
      test: (f, [low, high], c) => onDay((d, v) => d >= v)(f, low, c) && onDay((d, v) => d <= v)(f, high, c),
    },
    exists: { sql: (_q, o) => `${o} IS NOT NULL`, test: (f) => f !== null },
  },
  boolean: {
    eq: { sql: (q, o, value) => `${o} = ${q.param(value, "boolean")}`, test: (f, value) => f === value },
  },
  id_list: listTable<"id_list">(),
  string_list: listTable<"string_list">(),
  purchases: {
    contains: { sql: (_q, o, filter) => o(filter), test: (f, filter) => f(filter) >= (filter.min_quantity ?? 1) },
  },
  metadata: {
    eq: {
      sql: (q, o, value) => `${o.json} = ${q.param(JSON.stringify(value), "jsonb")}`,
      test: (f, value) => isScalar(f.value) && f.value === value,
    },
    in: {
      sql: (q, o, values) => `${o.json} = ANY(${q.param(values.map((v) => JSON.stringify(v)), "jsonb[]")})`,
      test: (f, values) => isScalar(f.value) && values.includes(f.value),
    },
    gt: metadataOrdered("gt"),
    gte: metadataOrdered("gte"),
    lt: metadataOrdered("lt"),
    lte: metadataOrdered("lte"),
    contains: {
      sql: (q, o, value) => `strpos(${jsonString(o.folded)}, ${q.param(fold(String(value)), "text")}) > 0`,
      test: (f, value) => typeof f.folded === "string" && f.folded.includes(fold(String(value))),
    },
    starts_with: {
      sql: (q, o, value) => `starts_with(${jsonString(o.folded)}, ${q.param(fold(String(value)), "text")})`,
      test: (f, value) => typeof f.folded === "string" && f.folded.startsWith(fold(String(value))),
    },
    exists: {
      sql: (_q, o) => `jsonb_typeof(${o.json}) IN ('string', 'number', 'boolean')`,
      test: (f) => isScalar(f.value),
    },
  },
}

/** The implementation of a positive operator for a type; throws for one the type does not have. */
export function operatorOf<T extends ValueType>(type: T, operator: PositiveOperator): OperatorImpl<T, PositiveOperator> {
  const table = OPERATOR_TABLES[type] as Partial<Record<PositiveOperator, OperatorImpl<T, PositiveOperator>>>
  const impl = table[operator]
  if (!impl) {
    throw new Error(`operator "${operator}" is not defined for ${type} attributes`)
  }
  return impl
}
