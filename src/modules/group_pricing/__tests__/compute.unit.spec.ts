import { adjust, desiredPrices, diffPrices, inEffect, outranks, type RuleForPricing, type VariantPrices } from "../compute"

const rule = (patch: Partial<RuleForPricing>): RuleForPricing => ({
  id: "gpr_1",
  customer_group_id: "g",
  adjustment_type: "percentage",
  percentage: 15,
  priority: 0,
  status: "active",
  ...patch,
})
const variants: VariantPrices[] = [
  {
    variant_id: "v1",
    price_set_id: "ps1",
    prices: [
      { currency_code: "eur", amount: 19.99, rules: {} },
      { currency_code: "eur", amount: 17.5, rules: { region_id: "reg_de" } },
      { currency_code: "usd", amount: 25, rules: {} },
    ],
  },
]

describe("group pricing, computed", () => {
  it("adjusts by percentage, amount off (never below 0) and fixed price, rounding to cents", () => {
    expect(adjust(19.99, "eur", { adjustment_type: "percentage", percentage: 15 })).toBe(16.99)
    expect(adjust(10, "eur", { adjustment_type: "fixed_off", amounts: { eur: 12 } })).toBe(0)
    expect(adjust(10, "usd", { adjustment_type: "fixed_off", amounts: { eur: 2 } })).toBeNull()
    expect(adjust(null, "eur", { adjustment_type: "fixed_price", amounts: { eur: 7.555 } })).toBe(7.56)
  })

  it("writes one price per base price (region rules kept) and one per tier, with quantity bands that do not overlap", () => {
    const prices = desiredPrices(rule({ tiers: [{ min_quantity: 5, percentage: 20 }, { min_quantity: 20, percentage: 30 }] }), variants)
    const eurDefault = prices.filter((p) => p.currency_code === "eur" && !p.rules.region_id)
    expect(eurDefault.map((p) => [p.amount, p.min_quantity, p.max_quantity])).toEqual([
      [16.99, null, 4],
      [15.99, 5, 19],
      [13.99, 20, null],
    ])
    expect(prices.filter((p) => p.rules.region_id === "reg_de").map((p) => p.amount)).toEqual([14.88, 14, 12.25])
    expect(prices).toHaveLength(9)
  })

  it("gives a fixed price only in the currencies it names and the variant sells in", () => {
    const prices = desiredPrices(rule({ adjustment_type: "fixed_price", amounts: { eur: 9, gbp: 8 } }), variants)
    expect(prices.map((p) => [p.currency_code, p.amount, p.rules])).toEqual([["eur", 9, {}]])
  })

  it("diffs to creates, updates and deletes, and to nothing once applied", () => {
    const desired = desiredPrices(rule({}), variants)
    const existing = [
      { id: "p1", price_set_id: "ps1", currency_code: "eur", amount: 1, min_quantity: null, max_quantity: null, rules: {} },
      { id: "p2", price_set_id: "ps1", currency_code: "gbp", amount: 5, min_quantity: null, max_quantity: null, rules: {} },
      { id: "p3", price_set_id: "ps1", currency_code: "usd", amount: 21.25, min_quantity: null, max_quantity: null, rules: {} },
      { id: "p4", price_set_id: "ps1", currency_code: "usd", amount: 21.25, min_quantity: null, max_quantity: null, rules: {} },
    ]
    const diff = diffPrices(desired, existing)
    expect(diff.update.map((p) => [p.id, p.amount])).toEqual([["p1", 16.99]])
    expect(diff.create.map((p) => [p.currency_code, p.rules])).toEqual([["eur", { region_id: "reg_de" }]])
    expect(diff.delete.sort()).toEqual(["p2", "p4"])
    const applied = desired.map((p, i) => ({ ...p, id: `n${i}` }))
    expect(diffPrices(desired, applied)).toEqual({ create: [], update: [], delete: [] })
  })

  it("ranks rules by priority, then age, and knows when a rule is in force", () => {
    const now = new Date("2026-06-01T00:00:00Z")
    expect(outranks(rule({ id: "a", priority: 5 }), rule({ id: "b", priority: 1 }))).toBe(true)
    expect(outranks(rule({ id: "a", created_at: "2026-01-02" }), rule({ id: "b", created_at: "2026-01-01" }))).toBe(false)
    expect(inEffect(rule({ starts_at: "2026-07-01" }), now)).toBe(false)
    expect(inEffect(rule({ ends_at: "2026-05-31" }), now)).toBe(false)
    expect(inEffect(rule({ status: "inactive" }), now)).toBe(false)
    expect(inEffect(rule({ starts_at: "2026-05-01", ends_at: "2026-07-01" }), now)).toBe(true)
  })
})
