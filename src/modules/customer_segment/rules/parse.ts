import { ARITY, type Condition, type ConditionValue, type MoneyValue, type Operator, type PurchaseFilter, type RuleNode } from "./ast"
import { findAttribute, isAttributeName, type AttributeDefinition } from "./registry"
import { OPERATOR_CHOICES, SYMBOL_OPERATORS, WORD_OPERATORS } from "./spelling"
import { checkCondition, validateRule } from "./validate"
import { WINDOWED_MONEY_ATTRIBUTE } from "./values"

/** Deeper text is refused before the recursive descent can exhaust the stack (rules allow 10 levels anyway). */
export const MAX_NESTING = 50

/**
 * The text syntax, modelled on Shopify's segment query language:
 *
 *   amount_spent >= 500 EUR AND (customer_groups CONTAINS 'cusgroup_1' OR number_of_orders > 3)
 *     AND last_order_date > -30d
 *
 * Comparisons = != > >= < <=, BETWEEN … AND …, CONTAINS / NOT CONTAINS, IN (…) / NOT IN (…),
 * STARTS WITH, IS NULL / IS NOT NULL; AND, OR, NOT and parentheses (NOT binds
 * tighter than AND, AND tighter than OR). Keywords ignore case. Strings in single
 * quotes ('' is a quote). Dates bare: 2026-01-31, today, -30d, -4w, -6m, -1y.
 * Money: an amount and a currency code (500 EUR); on amount_spent, optionally
 * within dates: `amount_spent > 500 EUR SINCE -90d UNTIL today` (for BETWEEN
 * written once, after the second amount, and meant for both). Purchase
 * filters: (product: 'prod_1', since: -90d, min_quantity: 2).
 */

type TokenKind = "ident" | "string" | "number" | "date" | "punct" | "eof"
type Token = { kind: TokenKind; text: string; value?: string | number; line: number; column: number }

export class RuleSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
    readonly expected: string,
    readonly found: string,
    /** Set for a well-formed condition that breaks a rule (unknown attribute, wrong value). */
    problem?: string
  ) {
    super(`Line ${line}, column ${column}: ${problem ?? `expected ${expected}, found ${found}`}`)
    this.name = "RuleSyntaxError"
  }
}

const isMoney = (value: ConditionValue): value is MoneyValue =>
  typeof value === "object" && !Array.isArray(value) && "currency_code" in value

const describe = (token: Token) =>
  token.kind === "eof" ? "the end of the query" : token.kind === "string" ? `'${token.value}'` : `"${token.text}"`

function tokenize(source: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  let line = 1
  let lineStart = 0
  const at = () => ({ line, column: i - lineStart + 1 })
  while (i < source.length) {
    const ch = source[i]
    if (ch === "\n") {
      i += 1
      line += 1
      lineStart = i
      continue
    }
    if (/\s/.test(ch)) {
      i += 1
      continue
    }
    const start = at()
    const rest = source.slice(i)
    if (ch === "'") {
      let value = ""
      let j = i + 1
      for (;;) {
        if (j >= source.length) {
          throw new RuleSyntaxError(start.line, start.column, "a closing quote (')", "the end of the query")
        }
        if (source[j] === "'") {
          if (source[j + 1] === "'") {
            value += "'"
            j += 2
            continue
          }
          break
        }
        if (source[j] === "\n") {
          line += 1
          lineStart = j + 1
        }
        value += source[j]
        j += 1
      }
      tokens.push({ kind: "string", text: source.slice(i, j + 1), value, ...start })
      i = j + 1
      continue
    }
    const date = /^(?:\d{4}-\d{2}-\d{2}|-\d{1,4}[dwmy])(?![A-Za-z0-9_.])/.exec(rest)
    if (date) {
      tokens.push({ kind: "date", text: date[0], value: date[0], ...start })
      i += date[0].length
      continue
    }
    const number = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?(?![A-Za-z_])/.exec(rest)
    if (number) {
      tokens.push({ kind: "number", text: number[0], value: Number(number[0]), ...start })
      i += number[0].length
      continue
    }
    const ident = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_-]+)?/.exec(rest)
    if (ident) {
      tokens.push({ kind: "ident", text: ident[0], ...start })
      i += ident[0].length
      continue
    }
    const punct = /^(?:!=|>=|<=|=|>|<|\(|\)|,|:)/.exec(rest)
    if (punct) {
      tokens.push({ kind: "punct", text: punct[0], ...start })
      i += punct[0].length
      continue
    }
    throw new RuleSyntaxError(start.line, start.column, "a condition, AND, OR, NOT or a parenthesis", `"${ch}"`)
  }
  tokens.push({ kind: "eof", text: "", ...at() })
  return tokens
}

/** The date window of amount_spent: `500 EUR SINCE -90d UNTIL 2026-06-30`. */
const WINDOW_WORDS = ["SINCE", "UNTIL"] as const
const FILTER_WORDS: Record<string, keyof PurchaseFilter> = {
  product: "product_ids",
  collection: "collection_ids",
  category: "category_ids",
  type: "type_ids",
  since: "since",
  until: "until",
  min_quantity: "min_quantity",
}

export type ParseOptions = {
  /** Currency for money amounts written without one (e.g. the store's default currency). */
  defaultCurrency?: string
}

class Parser {
  private position = 0

  constructor(
    private readonly tokens: Token[],
    private readonly options: ParseOptions
  ) {}

  private get current(): Token {
    return this.tokens[this.position]
  }

  private next(): Token {
    const token = this.current
    if (token.kind !== "eof") {
      this.position += 1
    }
    return token
  }

  private fail(expected: string, token: Token = this.current): never {
    throw new RuleSyntaxError(token.line, token.column, expected, describe(token))
  }

  private isWord(word: string, token: Token = this.current) {
    return token.kind === "ident" && token.text.toUpperCase() === word
  }

  private isPunct(text: string, token: Token = this.current) {
    return token.kind === "punct" && token.text === text
  }

  private expectWord(word: string) {
    if (!this.isWord(word)) {
      this.fail(word)
    }
    return this.next()
  }

  private expectPunct(text: string, expected = `"${text}"`) {
    if (!this.isPunct(text)) {
      this.fail(expected)
    }
    return this.next()
  }

  parseRule(): RuleNode {
    const rule = this.parseOr()
    if (this.current.kind !== "eof") {
      this.fail("AND, OR or the end of the query")
    }
    return rule
  }

  private parseOr(): RuleNode {
    const operands = [this.parseAnd()]
    while (this.isWord("OR")) {
      this.next()
      operands.push(this.parseAnd())
    }
    return operands.length === 1 ? operands[0] : { any: operands }
  }

  private parseAnd(): RuleNode {
    const operands = [this.parseUnary()]
    while (this.isWord("AND")) {
      this.next()
      operands.push(this.parseUnary())
    }
    return operands.length === 1 ? operands[0] : { all: operands }
  }

  /** Open parentheses and NOTs around the current token (bounded: the parser recurses on them). */
  private nesting = 0

  private parseUnary(): RuleNode {
    if (this.isWord("NOT") || this.isPunct("(")) {
      if (++this.nesting > MAX_NESTING) {
        this.fail(`at most ${MAX_NESTING} nested parentheses and NOTs`)
      }
      try {
        if (this.isWord("NOT")) {
          this.next()
          return { not: this.parseUnary() }
        }
        this.next()
        const inner = this.parseOr()
        this.expectPunct(")", 'AND, OR or ")"')
        return inner
      } finally {
        this.nesting -= 1
      }
    }
    return this.parseCondition()
  }

  private parseCondition(): Condition {
    const attributeToken = this.current
    if (attributeToken.kind !== "ident" || !isAttributeName(attributeToken.text)) {
      this.fail("an attribute name (e.g. amount_spent), NOT or (")
    }
    this.next()
    const definition = findAttribute(attributeToken.text)
    if (!definition) {
      throw new RuleSyntaxError(
        attributeToken.line,
        attributeToken.column,
        "a known attribute",
        `"${attributeToken.text}"`,
        `unknown attribute "${attributeToken.text}"`
      )
    }
    const operatorToken = this.current
    const operator = this.parseOperator()
    const valueToken = this.current
    let value: ConditionValue | undefined
    switch (ARITY[operator]) {
      case "none":
        break
      case "list":
        value = this.parseList(definition)
        break
      case "pair": {
        const low = this.parseValue(definition)
        if (isMoney(low) && WINDOW_WORDS.some((w) => this.isWord(w))) {
          this.fail("AND and the second amount (SINCE and UNTIL come once, after the second amount)")
        }
        this.expectWord("AND")
        const high = this.parseValue(definition)
        if (isMoney(low) && isMoney(high)) {
          // One window for both ends.
          const window = this.parseWindow(definition)
          value = [{ ...low, ...window }, { ...high, ...window }]
        } else {
          value = [low, high] as ConditionValue
        }
        break
      }
      case "one":
        value = this.parseValue(definition)
        if (isMoney(value)) {
          value = { ...value, ...this.parseWindow(definition) }
        }
    }

    const issues: { path: (string | number)[]; message: string }[] = []
    const raw = value === undefined ? { attribute: definition.name, operator } : { attribute: definition.name, operator, value }
    const condition = checkCondition(raw, [], issues)
    if (!condition) {
      const issue = issues[0]
      const field = issue.path[issue.path.length - 1]
      const token = field === "operator" ? operatorToken : field === "attribute" ? attributeToken : valueToken
      throw new RuleSyntaxError(token.line, token.column, "a valid condition", describe(token), issue.message)
    }
    return condition
  }

  /** An operator as the spelling table writes it: one symbol, or words (e.g. IS NOT NULL). */
  private parseOperator(): Operator {
    const token = this.current
    if (token.kind === "punct" && SYMBOL_OPERATORS[token.text]) {
      this.next()
      return SYMBOL_OPERATORS[token.text]
    }
    let candidates = WORD_OPERATORS
    const read: string[] = []
    for (let i = 0; ; i += 1) {
      const word = this.current
      const next = candidates.filter((c) => c.words.length > i && this.isWord(c.words[i], word))
      if (next.length === 0) {
        const complete = candidates.find((c) => c.words.length === i)
        if (complete && i > 0) {
          return complete.operator
        }
        if (i === 0) {
          this.fail(OPERATOR_CHOICES)
        }
        const rest = [...new Set(candidates.map((c) => c.words.slice(i).join(" ")))].sort()
        this.fail(`${rest.join(" or ")} after ${read.join(" ")}`)
      }
      read.push(word.text.toUpperCase())
      this.next()
      candidates = next
    }
  }

  private parseList(definition: AttributeDefinition): ConditionValue {
    this.expectPunct("(", '"(" to open a list, e.g. IN (\'a\', \'b\')')
    const items = [this.parseValue(definition)]
    while (this.isPunct(",")) {
      this.next()
      items.push(this.parseValue(definition))
    }
    this.expectPunct(")", '"," or ")"')
    return items as ConditionValue
  }

  private parseValue(definition: AttributeDefinition): ConditionValue {
    const token = this.current
    if (definition.type === "purchases") {
      return this.parseFilter()
    }
    switch (token.kind) {
      case "string":
        this.next()
        return token.value as string
      case "date":
        this.next()
        return token.value as string
      case "number": {
        this.next()
        if (definition.type !== "money") {
          return token.value as number
        }
        return this.parseCurrency(token.value as number)
      }
      case "ident": {
        const word = token.text.toUpperCase()
        if (word === "TRUE" || word === "FALSE") {
          this.next()
          return word === "TRUE"
        }
        if (word === "TODAY") {
          this.next()
          return "today"
        }
        return this.fail("a value: 'text', a number, true, false or a date")
      }
      default:
        return this.fail("a value: 'text', a number, true, false or a date")
    }
  }

  private parseCurrency(amount: number): MoneyValue {
    const token = this.current
    if (token.kind === "ident" && /^[A-Za-z]{3}$/.test(token.text) && !this.isWord("AND")) {
      this.next()
      return { amount, currency_code: token.text.toLowerCase() }
    }
    if (this.options.defaultCurrency) {
      return { amount, currency_code: this.options.defaultCurrency.toLowerCase() }
    }
    return this.fail("a currency code after the amount, e.g. 500 EUR")
  }

  /**
   * Optional `SINCE <date>` and `UNTIL <date>` (either order, each once) after
   * a money value; only amount_spent has dates.
   */
  private parseWindow(definition: AttributeDefinition): Pick<MoneyValue, "since" | "until"> {
    const window: Pick<MoneyValue, "since" | "until"> = {}
    for (;;) {
      const keyword = this.current
      const word = WINDOW_WORDS.find((w) => this.isWord(w, keyword))
      if (!word) {
        return window
      }
      const key = word === "SINCE" ? "since" : "until"
      if (definition.name !== WINDOWED_MONEY_ATTRIBUTE) {
        throw new RuleSyntaxError(
          keyword.line,
          keyword.column,
          "AND, OR or the end of the query",
          describe(keyword),
          `${word} applies only to ${WINDOWED_MONEY_ATTRIBUTE} (the amount spent within dates), not to ${definition.name}`
        )
      }
      if (window[key] !== undefined) {
        throw new RuleSyntaxError(keyword.line, keyword.column, "SINCE and UNTIL once each", `"${keyword.text}" again`)
      }
      this.next()
      window[key] = this.parseWindowDate(word)
    }
  }

  private parseWindowDate(word: string): string {
    const token = this.current
    if (token.kind === "date" || token.kind === "string") {
      this.next()
      return token.value as string
    }
    if (this.isWord("TODAY")) {
      this.next()
      return "today"
    }
    return this.fail(`a date after ${word}: YYYY-MM-DD, today, or a relative date like -90d, -4w, -6m, -1y`)
  }

  private parseFilter(): PurchaseFilter {
    this.expectPunct("(", "a purchase filter, e.g. (product: 'prod_123', since: -90d)")
    const filter: Record<string, unknown> = {}
    for (;;) {
      const keyToken = this.current
      const key = keyToken.kind === "ident" ? FILTER_WORDS[keyToken.text.toLowerCase()] : undefined
      if (!key) {
        this.fail(`a filter key (${Object.keys(FILTER_WORDS).join(", ")})`)
      }
      if (key in filter) {
        throw new RuleSyntaxError(keyToken.line, keyToken.column, "each filter key once", `"${keyToken.text}" again`)
      }
      this.next()
      this.expectPunct(":", `":" after ${keyToken.text}`)
      filter[key] = key.endsWith("_ids") ? this.parseIds() : this.parseFilterScalar()
      if (this.isPunct(",")) {
        this.next()
        continue
      }
      this.expectPunct(")", '"," or ")"')
      return filter as PurchaseFilter
    }
  }

  private parseIds(): string[] {
    if (this.current.kind === "string") {
      return [this.next().value as string]
    }
    this.expectPunct("(", "an id in quotes or a list of ids in parentheses")
    const ids: string[] = []
    for (;;) {
      const token: Token = this.next()
      if (token.kind !== "string") {
        this.fail("an id in quotes", token)
      }
      ids.push(token.value as string)
      if (this.isPunct(",")) {
        this.next()
        continue
      }
      this.expectPunct(")", '"," or ")"')
      return ids
    }
  }

  private parseFilterScalar(): string | number {
    const token = this.current
    if (token.kind === "date" || token.kind === "string" || token.kind === "number") {
      this.next()
      return token.value as string | number
    }
    if (this.isWord("TODAY")) {
      this.next()
      return "today"
    }
    return this.fail("a date or a number")
  }
}

/**
 * Parses the text syntax into a validated rule (values normalised as
 * validateRule does). Throws RuleSyntaxError naming line, column and what was
 * expected.
 */
export function parse(source: string, options: ParseOptions = {}): RuleNode {
  if (source.length > 20_000) {
    throw new RuleSyntaxError(1, 1, "a query of at most 20,000 characters", `${source.length} characters`)
  }
  const rule = new Parser(tokenize(source), options).parseRule()
  const bounds = validateRule(rule)
  if (!bounds.success) {
    throw new RuleSyntaxError(1, 1, "a smaller rule", "a larger one", bounds.issues[0].message)
  }
  return bounds.rule
}
