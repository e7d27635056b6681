import type { Operator } from "./ast"

/**
 * How each operator is written in the text syntax: the one table the parser
 * reads and the printer writes (in the order error messages list them).
 * Words ignore case when parsed; symbols are single tokens.
 */
export const OPERATOR_SPELLING: Record<Operator, string> = {
  eq: "=",
  neq: "!=",
  gt: ">",
  gte: ">=",
  lt: "<",
  lte: "<=",
  between: "BETWEEN",
  contains: "CONTAINS",
  not_contains: "NOT CONTAINS",
  in: "IN",
  not_in: "NOT IN",
  starts_with: "STARTS WITH",
  not_exists: "IS NULL",
  exists: "IS NOT NULL",
}

/** Operators spelled with words, as word lists (longest first, so IS NOT NULL is tried before IS NULL). */
export const WORD_OPERATORS: { operator: Operator; words: string[] }[] = (
  Object.entries(OPERATOR_SPELLING) as [Operator, string][]
)
  .filter(([, text]) => /^[A-Z]/.test(text))
  .map(([operator, text]) => ({ operator, words: text.split(" ") }))
  .sort((a, b) => b.words.length - a.words.length)

/** Operators spelled with a symbol, by symbol. */
export const SYMBOL_OPERATORS: Record<string, Operator> = Object.fromEntries(
  (Object.entries(OPERATOR_SPELLING) as [Operator, string][])
    .filter(([, text]) => !/^[A-Z]/.test(text))
    .map(([operator, text]) => [text, operator])
)

export const OPERATOR_CHOICES = `an operator (${Object.values(OPERATOR_SPELLING).join(", ")})`
