import {
  errorsByNode,
  fromRule,
  idPickerOf,
  incompleteConditions,
  isIncomplete,
  keepValueFor,
  metadataValue,
  parseSyntaxError,
  toRule,
  type DraftRule,
} from "../rule-model"

const normalize = (node: DraftRule): DraftRule => {
  if ("not" in node) {
    return { not: normalize(node.not) }
  }
  if ("all" in node) {
    return node.all.length === 1 ? normalize(node.all[0]) : { all: node.all.map(normalize) }
  }
  if ("any" in node) {
    return node.any.length === 1 ? normalize(node.any[0]) : { any: node.any.map(normalize) }
  }
  return node
}

describe("the builder's tree", () => {
  const rules: DraftRule[] = [
    { attribute: "email", operator: "eq", value: "a@b.c" },
    { not: { attribute: "has_account", operator: "eq", value: true } },
    { not: { not: { attribute: "email", operator: "exists" } } },
    { not: { all: [{ attribute: "countries", operator: "contains", value: "de" }, { attribute: "number_of_orders", operator: "gt", value: 2 }] } },
    {
      all: [
        { attribute: "customer_groups", operator: "contains", value: "cusgroup_1" },
        { any: [{ attribute: "countries", operator: "in", value: ["de", "at"] }, { not: { attribute: "cities", operator: "contains", value: "berlin" } }] },
        { attribute: "amount_spent", operator: "gt", value: { amount: 500, currency_code: "eur", since: "-90d" } },
      ],
    },
    { any: [{ all: [{ attribute: "email", operator: "exists" }, { attribute: "first_name", operator: "eq", value: "Ada" }] }, { attribute: "email", operator: "not_exists" }] },
  ]

  it.each(rules.map((r) => [JSON.stringify(r), r] as const))("gives back the rule it was built from: %s", (_, rule) => {
    expect(normalize(toRule(fromRule(rule)).rule)).toEqual(normalize(rule))
  })

  it("keeps a NOT of a group as the root (\"none of the following\")", () => {
    const rule: DraftRule = { not: { any: [{ attribute: "email", operator: "exists" }, { attribute: "has_account", operator: "eq", value: true }] } }
    const root = fromRule(rule)
    expect({ op: root.op, negated: root.negated, children: root.children.length }).toEqual({ op: "any", negated: true, children: 2 })
    expect(toRule(root).rule).toEqual(rule)
  })

  it("drops the value of operators that take none and starts from an empty group", () => {
    const root = fromRule(null)
    expect(root.children).toEqual([])
    root.children.push({ key: "x", type: "condition", negated: false, attribute: "email", operator: "exists", value: "left over" })
    expect(toRule(root).rule).toEqual({ all: [{ attribute: "email", operator: "exists" }] })
  })
})

describe("values the builder holds back or adapts", () => {
  it("finds conditions still waiting for a value", () => {
    expect([null, "", "  ", [], [1, null], { amount: null, currency_code: "eur" }, { product_ids: [] }, Number.NaN].map(isIncomplete)).toEqual(
      Array(8).fill(true)
    )
    expect(["a", 0, false, ["de"], [1, 2], { amount: 0, currency_code: "eur" }, { category_ids: ["c"], since: "-1y" }].map(isIncomplete)).toEqual(
      Array(7).fill(false)
    )
    const root = fromRule({
      all: [
        { attribute: "email", operator: "contains", value: "" },
        { attribute: "email", operator: "exists" },
        { not: { attribute: "countries", operator: "in", value: [] } },
      ],
    })
    const keys = incompleteConditions(root)
    expect(keys).toEqual([root.children[0].key, root.children[2].key])
  })

  it("drops dates when the new attribute cannot take them", () => {
    const money = { amount: 5, currency_code: "eur", since: "-90d" }
    const attribute = (name: string) => ({ name, type: "money" as const, label: name, description: "", guest: false, current_cart: false, operators: [] })
    expect(keepValueFor(attribute("amount_spent"), money)).toEqual(money)
    expect(keepValueFor(attribute("average_order_value"), money)).toEqual({ amount: 5, currency_code: "eur" })
    expect(keepValueFor(attribute("cart_subtotal"), [money, money])).toEqual([{ amount: 5, currency_code: "eur" }, { amount: 5, currency_code: "eur" }])
  })

  it("types metadata values only when written exactly as a number or true/false, and never for text operators", () => {
    const metadata = { name: "metadata.tier", type: "metadata" as const, label: "", description: "", guest: false, current_cart: false, operators: [] }
    expect(metadataValue(metadata, "eq", "42")).toBe(42)
    expect(metadataValue(metadata, "eq", "true")).toBe(true)
    expect(metadataValue(metadata, "eq", "00123")).toBe("00123")
    expect(metadataValue(metadata, "eq", "0x1F")).toBe("0x1F")
    expect(metadataValue(metadata, "contains", "123")).toBe("123")
    expect(metadataValue(metadata, "starts_with", "true")).toBe("true")
  })
})

describe("values shown by name", () => {
  it("names the ids of customer groups, countries and segments, not free text or products", () => {
    expect(idPickerOf({ picker: "customer_group" })).toBe("customer_group")
    expect(idPickerOf({ picker: "country" })).toBe("country")
    expect(idPickerOf({ picker: "product" })).toBeUndefined()
    expect(idPickerOf({})).toBeUndefined()
    expect(idPickerOf(undefined)).toBeUndefined()
  })
})

describe("API errors on the builder", () => {
  it("puts each error on the deepest node whose path it names, negations included", () => {
    const root = fromRule({
      all: [
        { attribute: "email", operator: "eq", value: "a" },
        { not: { any: [{ attribute: "number_of_orders", operator: "gt", value: "x" }] } },
      ],
    })
    const { paths } = toRule(root)
    const group = root.children[1]
    const inner = group.type === "group" ? group.children[0] : null
    const { byKey, rest } = errorsByNode(
      { "rule.all.1.not.any.0.value": "must be a number", "rule.all": "too many", name: "ignored here" },
      paths
    )
    expect(byKey[inner!.key]).toEqual(["must be a number"])
    expect(byKey[root.key]).toEqual(["too many"])
    expect(rest).toEqual([])
  })

  it("reads the line and column of a syntax error", () => {
    expect(parseSyntaxError("Line 2, column 4: expected a condition, found the end of the query")).toEqual({
      line: 2,
      column: 4,
      text: "expected a condition, found the end of the query",
    })
    expect(parseSyntaxError("rule.all: nope")).toBeNull()
  })
})
