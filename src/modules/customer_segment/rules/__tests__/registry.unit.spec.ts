import {
  ATTRIBUTES,
  OPERATOR_TABLES,
  TYPE_OPERATORS,
  compileSql,
  emailDomain,
  evaluate,
  explain,
  findCycle,
  dependencyOrder,
  fold,
  guestFacts,
  operatorOf,
  operatorsOf,
  parse,
  print,
  type RuleNode,
  type ValueType,
} from ".."

const now = new Date("2026-06-15T12:00:00.000Z")

describe("fold: one case-insensitive form, whatever the database", () => {
  it.each([
    ["Straße", "STRASSE"],
    ["ÉMILE", "émile"],
    ["E\u0301mile", "Émile"],
    ["ΟΔΟΣ", "οδοσ"],
    ["МОСКВА", "москва"],
    ["ØRE", "øre"],
    ["ﬁle", "FILE"],
  ])("%s and %s fold alike", (a, b) => {
    expect(fold(a)).toBe(fold(b))
  })

  it("is idempotent and leaves a dotted capital I distinct from a plain one (Unicode's default folding)", () => {
    for (const text of ["İstanbul", "Straße", "ΟΔΟΣ Α", "Ｆｕｌｌ"]) {
      expect(fold(fold(text))).toBe(fold(text))
    }
    expect(fold("İstanbul")).not.toBe(fold("Istanbul"))
  })

  it("reads an email's domain after the last @, folded, and nothing without one", () => {
    expect(emailDomain("Ada@Ex@Ample.DE")).toBe("ample.de")
    expect(emailDomain("a@")).toBeNull()
    expect(emailDomain("no-at")).toBeNull()
    expect(emailDomain(null)).toBeNull()
  })
})

describe("the registry and the operator tables", () => {
  it("implement every operator each type lists, in both evaluators", () => {
    for (const type of Object.keys(TYPE_OPERATORS) as ValueType[]) {
      for (const operator of TYPE_OPERATORS[type]) {
        const impl = (OPERATOR_TABLES[type] as Record<string, { sql: unknown; test: unknown }>)[operator]
        expect([type, operator, typeof impl?.sql, typeof impl?.test]).toEqual([type, operator, "function", "function"])
      }
    }
  })

  it("throws for an operator a type does not have, instead of matching no one", () => {
    expect(() => operatorOf("boolean", "gt")).toThrow('operator "gt" is not defined for boolean attributes')
    const unvalidated = { attribute: "has_account", operator: "gt", value: 1 } as unknown as RuleNode
    expect(() => evaluate(unvalidated, guestFacts(), { now })).toThrow(/not defined for boolean/)
    expect(() => compileSql(unvalidated, { now })).toThrow(/not defined for boolean/)
    const unknown = { attribute: "shoe_size", operator: "eq", value: 1 } as unknown as RuleNode
    expect(() => evaluate(unknown, guestFacts(), { now })).toThrow('unknown attribute "shoe_size"')
  })

  it("gives every attribute a label, a description, the facts it reads and at least one operator", () => {
    for (const attribute of ATTRIBUTES) {
      expect(attribute.label.length).toBeGreaterThan(0)
      expect(attribute.description.length).toBeGreaterThan(10)
      expect(operatorsOf(attribute).length).toBeGreaterThan(0)
      expect(Array.isArray(attribute.facts)).toBe(true)
    }
  })

  it("binds every value as a numbered parameter, a value once however often the SQL reads it", () => {
    const compiled = compileSql(parse("average_order_value > 50 EUR AND first_name CONTAINS 'Ada'"), { now })
    expect(compiled.params).toEqual(["eur", 50, "ada"])
    expect(compiled.sql.match(/\$1/g)).toHaveLength(3)
    expect(compiled.sql).not.toMatch(/lower\(|LIKE|COALESCE/)
  })
})

describe("segments read by segments", () => {
  it("finds a cycle as a path, and orders segments after those they read", () => {
    expect(findCycle([{ id: "a", reads: ["b"] }, { id: "b", reads: ["c"] }, { id: "c", reads: ["a"] }])).toEqual(["a", "b", "c", "a"])
    expect(findCycle([{ id: "a", reads: ["a"] }])).toEqual(["a", "a"])
    expect(findCycle([{ id: "a", reads: ["b"] }, { id: "b", reads: [] }])).toBeNull()
    const order = dependencyOrder([
      { id: "c", reads: ["b"] },
      { id: "a", reads: [] },
      { id: "b", reads: ["a", "zz_missing"] },
    ]).map((s) => s.id)
    expect(order).toEqual(["a", "b", "c"])
  })

  it("evaluates, prints and explains segments and abandoned carts", () => {
    const facts = guestFacts({
      segments: ["cseg_a"],
      open_carts: [new Date("2026-06-15T11:30:00Z"), new Date("2026-06-10T09:00:00Z")],
    })
    const rule = parse("segments CONTAINS 'cseg_a' AND abandoned_cart_date >= -7d")
    expect(print(rule)).toBe("segments CONTAINS 'cseg_a' AND abandoned_cart_date >= -7d")
    expect(evaluate(rule, facts, { now })).toBe(true)
    // The cart left 30 minutes ago is not abandoned yet (60 by default); with 20 minutes it is the latest.
    const explained = explain(parse("abandoned_cart_date IS NOT NULL"), facts, { now })
    expect(explained).toMatchObject({ result: true, fact: new Date("2026-06-10T09:00:00Z") })
    expect(explain(parse("abandoned_cart_date IS NOT NULL"), facts, { now, abandoned_after_minutes: 20 })).toMatchObject({
      fact: new Date("2026-06-15T11:30:00Z"),
    })
    expect(evaluate(parse("segments NOT IN ('cseg_b', 'cseg_c')"), facts, { now })).toBe(true)
    expect(() => parse("segments IS NULL")).toThrow(/operator "not_exists" does not apply to Segments \(segments, id_list\)/)
  })
})

describe("audiences", () => {
  it("reads the audiences a customer is in, in memory and in SQL; guests are in none", () => {
    const facts = guestFacts({ has_account: true, audiences: ["aud_high"] })
    const rule = parse("audiences CONTAINS 'aud_high'")
    expect(rule).toEqual({ attribute: "audiences", operator: "contains", value: "aud_high" })
    expect(print(rule)).toBe("audiences CONTAINS 'aud_high'")
    expect(evaluate(rule, facts, { now })).toBe(true)
    expect(evaluate(parse("audiences NOT CONTAINS 'aud_high'"), facts, { now })).toBe(false)
    expect(evaluate(parse("audiences IN ('aud_x', 'aud_high')"), facts, { now })).toBe(true)
    expect(evaluate(parse("audiences IS NULL"), facts, { now })).toBe(false)
    expect(evaluate(rule, guestFacts(), { now })).toBe(false)
    expect(explain(rule, facts, { now })).toMatchObject({ result: true, fact: ["aud_high"] })

    const compiled = compileSql(rule, { now })
    expect(compiled.sql).toMatch(/p\.audience_ids && \$1/)
    expect(compiled.params).toEqual([["aud_high"]])

    const description = ATTRIBUTES.find((a) => a.name === "audiences")!
    expect(description).toMatchObject({ type: "id_list", guest: false, picker: "audience", facts: ["audience_ids"] })
    expect(operatorsOf(description)).toEqual(expect.arrayContaining(["contains", "not_contains", "in", "not_in", "exists", "not_exists"]))
  })
})

describe("reads_cart: the attributes whose live evaluation needs the shopper's cart loaded", () => {
  it("flags every attribute that reads the current cart, abandoned_cart_date included", () => {
    const flagged = ATTRIBUTES.filter((a) => a.reads_cart).map((a) => a.name).sort()
    expect(flagged).toEqual(["abandoned_cart_date", "cart_item_count", "cart_products", "cart_subtotal"])
    const cart = { currency_code: "eur", subtotal: 0, items: [{ product_id: "prod_a", collection_id: null, category_ids: [], type_id: null, quantity: 1 }], updated_at: new Date(now.getTime() - 86_400_000) }
    // abandoned_cart_date reads stored facts too (open_carts), yet a guest's cart alone decides it.
    const rule = parse("abandoned_cart_date IS NOT NULL") as RuleNode
    expect(evaluate(rule, guestFacts(), { now, cart })).toBe(true)
    expect(evaluate(rule, guestFacts(), { now, cart: null })).toBe(false)
  })
})

describe("last_activity_date", () => {
  it("reads the customer's stored last activity in memory, in SQL and in explanations; guests have none", () => {
    const facts = guestFacts({ has_account: true, last_activity_date: new Date("2026-06-14T08:00:00Z") })
    const rule = parse("last_activity_date >= -7d")
    expect(print(rule)).toBe("last_activity_date >= -7d")
    expect(evaluate(rule, facts, { now })).toBe(true)
    expect(evaluate(parse("last_activity_date < -7d"), facts, { now })).toBe(false)
    expect(evaluate(parse("last_activity_date IS NULL"), facts, { now })).toBe(false)
    expect(evaluate(rule, guestFacts(), { now })).toBe(false)
    expect(evaluate(parse("last_activity_date IS NULL"), guestFacts(), { now })).toBe(true)
    expect(explain(rule, facts, { now })).toMatchObject({ result: true, fact: new Date("2026-06-14T08:00:00Z") })

    const compiled = compileSql(rule, { now })
    expect(compiled.sql).toMatch(/p\.last_activity_at >= \$1/)
    expect(compiled.params).toEqual([new Date("2026-06-08T00:00:00Z")])

    const description = ATTRIBUTES.find((a) => a.name === "last_activity_date")!
    expect(description).toMatchObject({ type: "date", guest: false, moves_with_time: true, facts: ["last_activity_at"] })
    expect(operatorsOf(description)).toEqual(expect.arrayContaining(["gte", "lt", "between", "exists", "not_exists"]))
  })

  it("is the only attribute reading presence, and every attribute is listed once", () => {
    const names = ATTRIBUTES.map((a) => a.name)
    expect(new Set(names).size).toBe(names.length)
    expect(ATTRIBUTES.filter((a) => a.facts.includes("last_activity_at")).map((a) => a.name)).toEqual(["last_activity_date"])
    expect(names).toEqual([
      "email", "email_domain", "first_name", "last_name", "has_account", "customer_added_date", "customer_groups",
      "countries", "provinces", "cities", "number_of_orders", "amount_spent", "average_order_value", "first_order_date",
      "last_order_date", "products_purchased", "cart_subtotal", "cart_item_count", "cart_products", "abandoned_cart_date",
      "segments", "audiences", "last_activity_date",
    ])
  })
})
