import fc from "fast-check"
import {
  ATTRIBUTES,
  RuleSyntaxError,
  findAttribute,
  fold,
  operatorsOf,
  normalize,
  parse,
  print,
  validateRule,
  type AttributeDefinition,
  type Condition,
  type Operator,
  type RuleNode,
} from ".."

const syntaxError = (query: string): RuleSyntaxError => {
  try {
    parse(query)
  } catch (e) {
    if (e instanceof RuleSyntaxError) {
      return e
    }
    throw e
  }
  throw new Error(`expected a syntax error for: ${query}`)
}

describe("parse", () => {
  it("reads the example from the issue into the AST", () => {
    expect(
      parse(
        "amount_spent >= 500 EUR AND (customer_groups CONTAINS 'cusgroup_01' OR number_of_orders > 3) AND last_order_date > -30d"
      )
    ).toEqual({
      all: [
        { attribute: "amount_spent", operator: "gte", value: { amount: 500, currency_code: "eur" } },
        {
          any: [
            { attribute: "customer_groups", operator: "contains", value: "cusgroup_01" },
            { attribute: "number_of_orders", operator: "gt", value: 3 },
          ],
        },
        { attribute: "last_order_date", operator: "gt", value: "-30d" },
      ],
    })
  })

  it.each<[string, Condition]>([
    ["first_name = 'Ada'", { attribute: "first_name", operator: "eq", value: "Ada" }],
    ["first_name != 'Ada'", { attribute: "first_name", operator: "neq", value: "Ada" }],
    ["number_of_orders > 1", { attribute: "number_of_orders", operator: "gt", value: 1 }],
    ["number_of_orders >= 1", { attribute: "number_of_orders", operator: "gte", value: 1 }],
    ["number_of_orders < 1.5", { attribute: "number_of_orders", operator: "lt", value: 1.5 }],
    ["number_of_orders <= -2", { attribute: "number_of_orders", operator: "lte", value: -2 }],
    ["number_of_orders BETWEEN 2 AND 5", { attribute: "number_of_orders", operator: "between", value: [2, 5] }],
    ["number_of_orders IN (1, 2)", { attribute: "number_of_orders", operator: "in", value: [1, 2] }],
    ["number_of_orders NOT IN (1)", { attribute: "number_of_orders", operator: "not_in", value: [1] }],
    ["last_name CONTAINS 'son'", { attribute: "last_name", operator: "contains", value: "son" }],
    ["last_name NOT CONTAINS 'son'", { attribute: "last_name", operator: "not_contains", value: "son" }],
    ["last_name STARTS WITH 'Mc'", { attribute: "last_name", operator: "starts_with", value: "Mc" }],
    ["last_order_date IS NOT NULL", { attribute: "last_order_date", operator: "exists" }],
    ["last_order_date IS NULL", { attribute: "last_order_date", operator: "not_exists" }],
    ["has_account = true", { attribute: "has_account", operator: "eq", value: true }],
    ["customer_added_date >= 2026-01-31", { attribute: "customer_added_date", operator: "gte", value: "2026-01-31" }],
    ["customer_added_date < today", { attribute: "customer_added_date", operator: "lt", value: "today" }],
    ["customer_added_date > '-6m'", { attribute: "customer_added_date", operator: "gt", value: "-6m" }],
    [
      "average_order_value BETWEEN 10 usd AND 99.5 USD",
      { attribute: "average_order_value", operator: "between", value: [{ amount: 10, currency_code: "usd" }, { amount: 99.5, currency_code: "usd" }] },
    ],
    ["metadata.tier IN ('gold', 3, true)", { attribute: "metadata.tier", operator: "in", value: ["gold", 3, true] }],
    [
      "products_purchased CONTAINS (collection: ('pcol_1', 'pcol_2'), since: -90d, min_quantity: 2)",
      { attribute: "products_purchased", operator: "contains", value: { collection_ids: ["pcol_1", "pcol_2"], since: "-90d", min_quantity: 2 } },
    ],
    [
      "cart_products NOT CONTAINS (product: 'prod_1')",
      { attribute: "cart_products", operator: "not_contains", value: { product_ids: ["prod_1"] } },
    ],
    [
      "amount_spent > 500 EUR SINCE -90d",
      { attribute: "amount_spent", operator: "gt", value: { amount: 500, currency_code: "eur", since: "-90d" } },
    ],
    [
      "amount_spent <= 20 usd until today",
      { attribute: "amount_spent", operator: "lte", value: { amount: 20, currency_code: "usd", until: "today" } },
    ],
    [
      "amount_spent != 0 EUR UNTIL 2026-06-30 SINCE '-6m'",
      { attribute: "amount_spent", operator: "neq", value: { amount: 0, currency_code: "eur", since: "-6m", until: "2026-06-30" } },
    ],
    [
      "amount_spent BETWEEN 100 EUR AND 500 EUR SINCE 2026-01-01 UNTIL 2026-06-30",
      {
        attribute: "amount_spent",
        operator: "between",
        value: [
          { amount: 100, currency_code: "eur", since: "2026-01-01", until: "2026-06-30" },
          { amount: 500, currency_code: "eur", since: "2026-01-01", until: "2026-06-30" },
        ],
      },
    ],
  ])("%s", (query, expected) => {
    expect(parse(query)).toEqual(expected)
    expect(print(parse(query))).toBe(print(expected))
  })

  it("ignores the case of keywords, country codes and currency codes", () => {
    expect(parse("countries contains 'DE' and not cart_subtotal < 20 Eur")).toEqual({
      all: [
        { attribute: "countries", operator: "contains", value: "de" },
        { not: { attribute: "cart_subtotal", operator: "lt", value: { amount: 20, currency_code: "eur" } } },
      ],
    })
  })

  it("binds NOT tighter than AND, and AND tighter than OR", () => {
    const a = "has_account = true"
    const b = "number_of_orders > 1"
    const c = "email_domain = 'example.com'"
    const [A, B, C] = [a, b, c].map((q) => parse(q))
    expect(parse(`NOT ${a} AND ${b} OR ${c}`)).toEqual({ any: [{ all: [{ not: A }, B] }, C] })
    expect(parse(`${a} OR ${b} AND ${c}`)).toEqual({ any: [A, { all: [B, C] }] })
    expect(parse(`(${a} OR ${b}) AND ${c}`)).toEqual({ all: [{ any: [A, B] }, C] })
    expect(parse(`((${a}))`)).toEqual(A)
  })

  it("keeps an injection attempt as data and prints it back quoted", () => {
    const rule = parse("first_name = 'Robert''); DROP TABLE customer; --'")
    expect(rule).toEqual({ attribute: "first_name", operator: "eq", value: "Robert'); DROP TABLE customer; --" })
    expect(print(rule)).toBe("first_name = 'Robert''); DROP TABLE customer; --'")
  })

  it("uses a default currency only when asked to", () => {
    expect(syntaxError("amount_spent > 500").message).toBe(
      "Line 1, column 19: expected a currency code after the amount, e.g. 500 EUR, found the end of the query"
    )
    expect(parse("amount_spent > 500", { defaultCurrency: "EUR" })).toEqual({
      attribute: "amount_spent",
      operator: "gt",
      value: { amount: 500, currency_code: "eur" },
    })
    expect(parse("amount_spent > 500 SINCE -90d", { defaultCurrency: "EUR" })).toEqual({
      attribute: "amount_spent",
      operator: "gt",
      value: { amount: 500, currency_code: "eur", since: "-90d" },
    })
  })

  it("writes amount_spent's dates once after BETWEEN's second amount, and SINCE before UNTIL", () => {
    const rule: RuleNode = {
      all: [
        {
          attribute: "amount_spent",
          operator: "between",
          value: [
            { amount: 100, currency_code: "eur", until: "-1m" },
            { amount: 500.5, currency_code: "eur", until: "-1m" },
          ],
        },
        { attribute: "amount_spent", operator: "gte", value: { amount: 1, currency_code: "usd", until: "2026-06-30", since: "today" } },
        { attribute: "average_order_value", operator: "gt", value: { amount: 20, currency_code: "eur" } },
      ],
    }
    expect(print(rule)).toBe(
      "amount_spent BETWEEN 100 EUR AND 500.5 EUR UNTIL -1m AND amount_spent >= 1 USD SINCE today UNTIL 2026-06-30 AND average_order_value > 20 EUR"
    )
    expect(parse(print(rule))).toEqual(rule)
  })

  it("keeps SINCE and UNTIL out of the way of names and purchase filters", () => {
    // metadata keys and purchase filter keys named since/until are unaffected
    expect(parse("metadata.since = 'x' AND products_purchased CONTAINS (product: 'p', since: -9d, until: today)")).toEqual({
      all: [
        { attribute: "metadata.since", operator: "eq", value: "x" },
        { attribute: "products_purchased", operator: "contains", value: { product_ids: ["p"], since: "-9d", until: "today" } },
      ],
    })
    // a 5-letter word after an amount is never taken for a currency code
    expect(syntaxError("amount_spent > 5 SINCE -9d").message).toMatch(/expected a currency code after the amount/)
  })
})

describe("syntax errors name line, column and what was expected", () => {
  it.each<[string, number, number, RegExp]>([
    ["email = ", 1, 9, /expected a value/],
    ["email 'a'", 1, 7, /expected an operator \(=, !=, >, >=, <, <=, BETWEEN, CONTAINS, NOT CONTAINS, IN, NOT IN, STARTS WITH, IS NULL, IS NOT NULL\), found 'a'/],
    ["has_account = true AND", 1, 23, /expected an attribute name .* found the end of the query/],
    ["(has_account = true", 1, 20, /expected AND, OR or "\)"/],
    ["has_account = true\n  AND number_of_orders >\n  AND x = 1", 3, 3, /expected a value.*found "AND"/],
    ["email = 'open", 1, 9, /expected a closing quote/],
    ["email = 'a' # comment", 1, 13, /found "#"/],
    ["number_of_orders IN 1", 1, 21, /"\(" to open a list/],
    ["last_name NOT LIKE 'x'", 1, 15, /expected CONTAINS or IN after NOT/],
    ["has_account = true has_account = false", 1, 20, /expected AND, OR or the end of the query/],
  ])("%j", (query, line, column, message) => {
    const error = syntaxError(query)
    expect([error.line, error.column]).toEqual([line, column])
    expect(error.message).toMatch(new RegExp(`^Line ${line}, column ${column}: `))
    expect(error.message).toMatch(message)
  })

  it.each<[string, number, number, string]>([
    ["favourite_colour = 'red'", 1, 1, 'unknown attribute "favourite_colour"'],
    ["email > 'a'", 1, 7, 'operator "gt" does not apply to Email (email, string)'],
    ["last_order_date > 'yesterday'", 1, 19, "Last order date: must be a date"],
    ["customer_added_date = 2026-02-30", 1, 23, "must be a date"],
    ["number_of_orders BETWEEN 5 AND 2", 1, 26, "BETWEEN needs the smaller value first"],
    ["amount_spent BETWEEN 5 EUR AND 10 USD", 1, 22, "same currency"],
    ["products_purchased CONTAINS (since: -30d)", 1, 29, "exactly one of product_ids"],
    ["cart_products CONTAINS (product: 'p', since: -30d)", 1, 24, "since"],
    ["products_purchased CONTAINS (product: 'a', product: 'b')", 1, 44, 'each filter key once'],
    ["has_account = 'yes'", 1, 15, "Has an account: = needs true or false"],
    ["average_order_value > 5 EUR SINCE -90d", 1, 29, "SINCE applies only to amount_spent"],
    ["cart_subtotal < 5 EUR UNTIL today", 1, 23, "UNTIL applies only to amount_spent"],
    ["amount_spent > 5 EUR SINCE", 1, 27, "expected a date after SINCE"],
    ["amount_spent > 5 EUR SINCE yesterday", 1, 28, "expected a date after SINCE"],
    ["amount_spent > 5 EUR SINCE -9d SINCE -8d", 1, 32, "SINCE and UNTIL once each"],
    ["amount_spent > 5 EUR SINCE 2026-06-30 UNTIL 2026-01-01", 1, 16, "since must not be after until"],
    ["amount_spent > 5 EUR SINCE 2026-02-30", 1, 16, "must be a date"],
    ["amount_spent BETWEEN 1 EUR SINCE -9d AND 5 EUR", 1, 28, "expected AND and the second amount (SINCE and UNTIL come once, after the second amount)"],
    ["amount_spent > 5 EUR SINCE -9d AND", 1, 35, "expected an attribute name"],
  ])("%j is refused where the problem is", (query, line, column, fragment) => {
    const error = syntaxError(query)
    expect([error.line, error.column]).toEqual([line, column])
    expect(error.message).toContain(fragment)
  })
})

describe("validateRule (rules sent as JSON)", () => {
  it("names the path, the attribute and what is allowed", () => {
    const result = validateRule({
      all: [
        { attribute: "number_of_orders", operator: "gt", value: "3" },
        { any: [{ attribute: "nope", operator: "eq", value: 1 }] },
        { attribute: "email", operator: "resembles", value: "x" },
        { attribute: "email", operator: "eq", value: "x", extra: 1 },
        { all: [] },
      ],
    })
    expect(result.success).toBe(false)
    if (result.success) {
      return
    }
    expect(result.issues).toEqual([
      { path: ["all", 0, "value"], message: "Number of orders: > needs a number" },
      { path: ["all", 1, "any", 0, "attribute"], message: 'unknown attribute "nope"' },
      { path: ["all", 2, "operator"], message: expect.stringMatching(/^unknown operator "resembles"/) },
      { path: ["all", 3], message: expect.stringMatching(/^unknown key\(s\) extra/) },
      { path: ["all", 4, "all"], message: '"all" must be a non-empty list of rules' },
    ])
  })

  it("refuses rules deeper than 10 levels or with more than 200 conditions", () => {
    const leaf: RuleNode = { attribute: "has_account", operator: "eq", value: true }
    let deep: RuleNode = leaf
    for (let i = 0; i < 9; i++) {
      deep = { not: deep }
    }
    expect(validateRule(deep).success).toBe(true)
    const tooDeep = validateRule({ not: deep })
    expect(tooDeep.success).toBe(false)
    expect(!tooDeep.success && tooDeep.issues[0].message).toBe("rules may nest at most 10 levels")

    expect(validateRule({ any: Array(200).fill(leaf) }).success).toBe(true)
    const tooMany = validateRule({ any: Array(201).fill(leaf) })
    expect(!tooMany.success && tooMany.issues.map((i) => i.message)).toEqual([
      "rules may have at most 200 conditions",
    ])
  })

  it("allows dates only on amount_spent, in order, and the same on both ends of BETWEEN", () => {
    const messages = (rule: unknown) => {
      const result = validateRule(rule)
      return result.success ? [] : result.issues.map((i) => i.message)
    }
    const eur = (amount: number, window: Record<string, string> = {}) => ({ amount, currency_code: "EUR", ...window })
    expect(validateRule({ attribute: "amount_spent", operator: "gt", value: eur(500, { since: "-90d" }) })).toEqual({
      success: true,
      rule: { attribute: "amount_spent", operator: "gt", value: { amount: 500, currency_code: "eur", since: "-90d" } },
    })
    expect(messages({ attribute: "average_order_value", operator: "gt", value: eur(5, { since: "-90d" }) })).toEqual([
      expect.stringContaining('"since" (a date window) applies only to amount_spent, not to average_order_value'),
    ])
    expect(messages({ attribute: "cart_subtotal", operator: "between", value: [eur(1), eur(5, { until: "today" })] })).toEqual([
      expect.stringContaining('"until" (a date window) applies only to amount_spent, not to cart_subtotal'),
    ])
    expect(messages({ attribute: "amount_spent", operator: "gt", value: eur(5, { since: "last week" }) })).toEqual([
      "Amount spent (since): must be a date (YYYY-MM-DD, today, or a relative date like -30d, -4w, -6m, -1y)",
    ])
    expect(messages({ attribute: "amount_spent", operator: "gt", value: eur(5, { since: "2026-02-01", until: "2026-01-31" }) })).toEqual([
      expect.stringContaining("since must not be after until"),
    ])
    // relative dates are not ordered (an empty window is allowed)
    expect(messages({ attribute: "amount_spent", operator: "gt", value: eur(5, { since: "-1d", until: "-1y" }) })).toEqual([])
    expect(messages({ attribute: "amount_spent", operator: "between", value: [eur(1, { since: "-9d" }), eur(5)] })).toEqual([
      expect.stringContaining("both ends of BETWEEN must use the same dates"),
    ])
    expect(
      messages({ attribute: "amount_spent", operator: "between", value: [eur(1, { since: "-9d", until: "today" }), eur(5, { since: "-9d" })] })
    ).toEqual([expect.stringContaining("both ends of BETWEEN must use the same dates")])
    expect(
      messages({ attribute: "amount_spent", operator: "between", value: [eur(1, { since: "-9d" }), eur(5, { since: "-9d" })] })
    ).toEqual([])
  })

  it("takes no value for IS NULL / IS NOT NULL and a value for everything else", () => {
    expect(validateRule({ attribute: "last_order_date", operator: "exists", value: "x" }).success).toBe(false)
    expect(validateRule({ attribute: "last_order_date", operator: "gt" }).success).toBe(false)
  })
})

// ---------------------------------------------------------------- round trip, property based

const safeText = fc.string({ maxLength: 12 })
const id = fc.stringMatching(/^[a-z]{2,6}_[0-9A-Z]{1,6}$/)
const absoluteDate = fc
  .date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2030-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10))
const relativeDate = fc.oneof(
  fc.constant("today"),
  fc.tuple(fc.integer({ min: 1, max: 400 }), fc.constantFrom("d", "w", "m", "y")).map(([n, u]) => `-${n}${u}`)
)
const dateValue = fc.oneof(absoluteDate, relativeDate)
const amount = fc.integer({ min: -100000, max: 1000000 }).map((n) => n / 100)
const currency = fc.constantFrom("eur", "usd", "gbp")
/** amount_spent's optional dates: none, since, until or both (absolute ones in order). */
const windowArb = fc
  .record({ since: fc.option(dateValue, { nil: undefined }), until: fc.option(dateValue, { nil: undefined }) })
  .map(({ since, until }) => {
    const ordered = since && until && /^\d/.test(since) && /^\d/.test(until) && since > until ? [until, since] : [since, until]
    return Object.fromEntries(Object.entries({ since: ordered[0], until: ordered[1] }).filter(([, v]) => v !== undefined))
  })

function scalarFor(definition: AttributeDefinition): fc.Arbitrary<unknown> {
  switch (definition.type) {
    case "string":
    case "string_list":
      return definition.case_insensitive ? safeText.map(fold) : safeText
    case "id_list":
      return id
    case "number":
      return fc.oneof(fc.integer({ min: -1000, max: 100000 }), amount)
    case "money":
      return definition.name === "amount_spent"
        ? fc.tuple(fc.record({ amount, currency_code: currency }), windowArb).map(([m, w]) => ({ ...m, ...w }))
        : fc.record({ amount, currency_code: currency })
    case "date":
      return dateValue
    case "boolean":
      return fc.boolean()
    case "metadata":
      return fc.oneof(safeText, fc.integer({ min: -1000, max: 1000 }), fc.boolean())
    case "purchases": {
      const ids = fc.array(id, { minLength: 1, maxLength: 3 })
      const which = fc.constantFrom("product_ids", "collection_ids", "category_ids", "type_ids")
      const dated = definition.name !== "cart_products"
      return fc
        .record({
          key: which,
          ids,
          since: dated ? fc.option(dateValue, { nil: undefined }) : fc.constant(undefined),
          until: dated ? fc.option(dateValue, { nil: undefined }) : fc.constant(undefined),
          min_quantity: fc.option(fc.integer({ min: 1, max: 50 }), { nil: undefined }),
        })
        .map(({ key, ids: values, ...rest }) =>
          Object.fromEntries(Object.entries({ [key]: values, ...rest }).filter(([, v]) => v !== undefined))
        )
    }
  }
}

function valueFor(definition: AttributeDefinition, operator: Operator): fc.Arbitrary<unknown> {
  const one = scalarFor(definition)
  switch (operator) {
    case "exists":
    case "not_exists":
      return fc.constant(undefined)
    case "in":
    case "not_in":
      return fc.array(one, { minLength: 1, maxLength: 4 })
    case "between":
      if (definition.type === "money") {
        const window = definition.name === "amount_spent" ? windowArb : fc.constant({})
        return fc
          .tuple(amount, amount, currency, window)
          .map(([a, b, c, w]) => [
            { amount: Math.min(a, b), currency_code: c, ...w },
            { amount: Math.max(a, b), currency_code: c, ...w },
          ])
      }
      return fc.tuple(one, one).map((pair) =>
        pair.every((v) => typeof v === "number") ? [...(pair as number[])].sort((x, y) => x - y) : pair
      )
    case "gt":
    case "gte":
    case "lt":
    case "lte":
      return definition.type === "metadata" ? fc.integer({ min: -1000, max: 1000 }) : one
    case "contains":
    case "not_contains":
    case "starts_with":
      return definition.type === "metadata" ? safeText : one
    default:
      return one
  }
}

const attributeArb = fc.oneof(
  fc.constantFrom(...ATTRIBUTES),
  fc.stringMatching(/^[a-z][a-z0-9_-]{0,8}$/).map((key): AttributeDefinition => findAttribute(`metadata.${key}`)!)
)

const conditionArb: fc.Arbitrary<RuleNode> = attributeArb.chain((definition) =>
  fc.constantFrom(...operatorsOf(definition)).chain((operator) =>
    valueFor(definition, operator).map((value) =>
      value === undefined
        ? ({ attribute: definition.name, operator } as Condition)
        : ({ attribute: definition.name, operator, value } as Condition)
    )
  )
)

const ruleArb: fc.Arbitrary<RuleNode> = fc.letrec<{ node: RuleNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    conditionArb,
    fc.record({ all: fc.array(tie("node"), { minLength: 1, maxLength: 4 }) }),
    fc.record({ any: fc.array(tie("node"), { minLength: 1, maxLength: 4 }) }),
    fc.record({ not: tie("node") })
  ),
})).node

describe("print and parse round-trip", () => {
  it("parse(print(rule)) is the rule in canonical form, for thousands of random rules", () => {
    fc.assert(
      fc.property(ruleArb, (generated) => {
        const checked = validateRule(generated)
        fc.pre(checked.success)
        const rule = (checked as { rule: RuleNode }).rule
        const text = print(rule)
        expect(parse(text)).toEqual(normalize(rule))
        expect(print(parse(text))).toBe(text)
      }),
      { numRuns: 3000 }
    )
  })
})

describe("nesting in the text syntax", () => {
  it("refuses deep nesting with a syntax error instead of exhausting the stack", () => {
    const deep = `${"(".repeat(9000)}has_account = true${")".repeat(9000)}`
    expect(() => parse(deep)).toThrow(RuleSyntaxError)
    expect(() => parse(deep)).toThrow(/at most 50 nested parentheses and NOTs/)
    expect(() => parse(`${"NOT ".repeat(60)}has_account = true`)).toThrow(/column 201/)
    expect(parse(`${"(".repeat(50)}has_account = true${")".repeat(50)}`)).toEqual({
      attribute: "has_account",
      operator: "eq",
      value: true,
    })
  })
})
