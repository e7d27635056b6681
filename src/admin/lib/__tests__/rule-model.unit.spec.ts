import fs from "node:fs"
import path from "node:path"
import { OPERATORS_BY_TYPE, type AttributeType } from "../../../modules/customer_segment/rules/attributes"
import { operatorFamily } from "../../components/segments/operator-family"
import { errorsByNode, fromRule, incompleteConditions, isIncomplete, keepValueFor, metadataValue, parseSyntaxError, splitErrors, toRule } from "../rule-model"
import type { RuleNode } from "../segments"
import { ADJUSTMENT_TYPES, RULE_STATES, RULE_STATUSES, SCOPE_TYPES } from "../group-pricing-model"
import { ASSISTANCE_KEYS, CONSENT_MODES, END_REASONS, SESSION_STATUSES } from "../assistance-model"

const normalize = (node: RuleNode): RuleNode => {
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
  const rules: RuleNode[] = [
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
    const attribute = (name: string) => ({ name, type: "money" as const, label: name, description: "", guest: false, operators: [] })
    expect(keepValueFor(attribute("amount_spent"), money)).toEqual(money)
    expect(keepValueFor(attribute("average_order_value"), money)).toEqual({ amount: 5, currency_code: "eur" })
    expect(keepValueFor(attribute("cart_subtotal"), [money, money])).toEqual([{ amount: 5, currency_code: "eur" }, { amount: 5, currency_code: "eur" }])
  })

  it("types metadata values only when written exactly as a number or true/false, and never for text operators", () => {
    const metadata = { name: "metadata.tier", type: "metadata" as const, label: "", description: "", guest: false, operators: [] }
    expect(metadataValue(metadata, "eq", "42")).toBe(42)
    expect(metadataValue(metadata, "eq", "true")).toBe(true)
    expect(metadataValue(metadata, "eq", "00123")).toBe("00123")
    expect(metadataValue(metadata, "eq", "0x1F")).toBe("0x1F")
    expect(metadataValue(metadata, "contains", "123")).toBe("123")
    expect(metadataValue(metadata, "starts_with", "true")).toBe("true")
  })
})

describe("API errors on the builder", () => {
  it("splits our messages and Medusa's by field", () => {
    expect(
      splitErrors(
        "rule.all.0.value: must be a 3-letter currency code, e.g. eur; rule.all.1.operator: unknown operator \"x\"; operators are eq, neq"
      )
    ).toEqual({
      "rule.all.0.value": "must be a 3-letter currency code, e.g. eur",
      "rule.all.1.operator": 'unknown operator "x"; operators are eq, neq',
    })
    expect(splitErrors("Invalid request: Value for field 'name' too small, expected at least: '1'")).toEqual({
      name: "Value for field 'name' too small, expected at least: '1'",
    })
  })

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
    expect(byKey[root.key]).toEqual(["all: too many"])
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

describe("admin texts", () => {
  const admin = path.resolve(__dirname, "..", "..")
  const en = JSON.parse(fs.readFileSync(path.join(admin, "i18n", "json", "en.json"), "utf8"))
  const has = (key: string) => {
    const parts = key.split(".")
    let node: unknown = en
    for (const part of parts) {
      node = (node as Record<string, unknown> | undefined)?.[part]
    }
    if (typeof node === "string") {
      return true
    }
    // Plurals: key_one / key_other.
    const parent = parts.slice(0, -1).reduce<unknown>((n, p) => (n as Record<string, unknown> | undefined)?.[p], en) as Record<string, unknown> | undefined
    return typeof parent?.[`${parts[parts.length - 1]}_other`] === "string"
  }
  const files = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? (e.name === "__tests__" ? [] : files(path.join(dir, e.name))) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : []
    )

  it("has an English text for every literal key the admin uses", () => {
    const missing: string[] = []
    for (const file of files(admin)) {
      const source = fs.readFileSync(file, "utf8")
      for (const match of source.matchAll(/["`](customerSuite\.[A-Za-z0-9_.]+)["`]/g)) {
        if (!has(match[1])) {
          missing.push(`${path.relative(admin, file)}: ${match[1]}`)
        }
      }
    }
    expect(missing).toEqual([])
  })

  it("has every key built from a value", () => {
    const keys = [
      ...["dynamic", "static"].flatMap((k) => [`customerSuite.segments.kind.${k}`, `customerSuite.segments.kindHint.${k}`]),
      ...["registered", "guests", "both"].map((k) => `customerSuite.segments.appliesTo.${k}`),
      ...["active", "inactive"].map((k) => `customerSuite.segments.status.${k}`),
      ...["queued", "running", "succeeded", "failed"].map((k) => `customerSuite.segments.runStatus.${k}`),
      ...["manual", "saved", "schedule", "backfill"].map((k) => `customerSuite.segments.trigger.${k}`),
      ...["rule", "manual"].map((k) => `customerSuite.segments.members.source.${k}`),
      ...["customer_group", "country", "product", "collection", "category", "product_type"].flatMap((p) => [
        `customerSuite.segments.pickers.${p}.choose`,
        `customerSuite.segments.pickers.${p}.search`,
      ]),
      ...["product", "collection", "category", "product_type"].map((p) => `customerSuite.segments.purchases.${p}`),
      ...["d", "w", "m", "y"].flatMap((u) => [`customerSuite.segments.dates.units.${u}`, `customerSuite.segments.dates.ago_${u}`]),
      ...["all", "any", "not_all", "not_any"].map((k) => `customerSuite.segments.summary.${k}`),
      ...["all", "any"].map((k) => `customerSuite.segments.builder.${k}`),
      ...["product_ids", "collection_ids", "category_ids", "type_ids"].map((k) => `customerSuite.segments.summary.filter_${k}`),
      ...["customer", "product"].flatMap((type) =>
        ["title", "hint", "empty", "createTitle", "editTitle", "defaultHint"].map((k) => `customerSuite.taxClasses.types.${type}.${k}`)
      ),
      ...["customer_group", "product"].map((kind) => `customerSuite.taxClasses.widget.hint.${kind}`),
      ...ADJUSTMENT_TYPES.flatMap((v) => [
        `customerSuite.groupPricing.adjustmentType.${v}`,
        `customerSuite.groupPricing.adjustmentHint.${v}`,
        `customerSuite.groupPricing.adjustment.${v}`,
      ]),
      ...ADJUSTMENT_TYPES.filter((v) => v !== "percentage").map((v) => `customerSuite.groupPricing.fields.amounts_${v}`),
      ...SCOPE_TYPES.flatMap((v) => [`customerSuite.groupPricing.scopeType.${v}`, `customerSuite.groupPricing.scope.${v}`]),
      ...RULE_STATUSES.map((v) => `customerSuite.groupPricing.status.${v}`),
      ...RULE_STATES.map((v) => `customerSuite.groupPricing.state.${v}`),
      ...SESSION_STATUSES.map((v) => `customerSuite.assistance.status.${v}`),
      ...END_REASONS.map((v) => `customerSuite.assistance.endReason.${v}`),
      ...ASSISTANCE_KEYS.flatMap((k) => [`customerSuite.assistance.settings.${k}.label`, `customerSuite.assistance.settings.${k}.hint`]),
      ...CONSENT_MODES.map((v) => `customerSuite.assistance.settings.consentMode.${v}`),
    ]
    expect(keys.filter((k) => !has(k))).toEqual([])
  })

  it("words every operator of every attribute type", () => {
    const missing = (Object.entries(OPERATORS_BY_TYPE) as [AttributeType, readonly string[]][]).flatMap(([type, operators]) =>
      operators.map((o) => `customerSuite.segments.operators.${operatorFamily(type)}.${o}`).filter((k) => !has(k))
    )
    expect(missing).toEqual([])
  })
})
