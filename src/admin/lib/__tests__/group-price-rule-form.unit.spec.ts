import { emptyTier, fromLocalInput, groupPriceRuleFormSchema, groupPriceRuleFormValues, groupPriceRulePreview, isPlacedField, toLocalInput, type GroupPriceRuleForm, type TierForm } from "../forms/group-price-rule"
import { ruleState } from "../group-pricing"
import type { AdminGroupPriceRule } from "../../../types/http"

const form = (patch: Partial<GroupPriceRuleForm> = {}): GroupPriceRuleForm => ({ ...groupPriceRuleFormValues(undefined, "cusgroup_vip"), name: "VIP", percentage: "10", ...patch })
const tier = (min: string, value: Partial<TierForm>): TierForm => ({ ...emptyTier(), min_quantity: min, ...value })

/** The schema's answer: the rule, or the messages by field path. */
const parse = (values: GroupPriceRuleForm) => {
  const result = groupPriceRuleFormSchema.safeParse(values)
  return result.success
    ? { input: result.data, errors: {} }
    : { input: null, errors: Object.fromEntries(result.error.issues.map((issue) => [issue.path.join("."), issue.message])) }
}

const saved: AdminGroupPriceRule = {
  id: "gpr_1",
  name: "Wholesale: 15% off everything",
  customer_group_id: "cusgroup_1",
  adjustment_type: "fixed_off",
  percentage: null,
  amounts: { eur: 5, usd: 6.5 },
  scope_type: "collections",
  scope_ids: ["pcol_1", "pcol_2"],
  tiers: [{ min_quantity: 10, amounts: { eur: 7 } }],
  priority: 3,
  starts_at: "2030-01-02T03:04:00.000Z",
  ends_at: null,
  status: "inactive",
  price_list_id: "plist_1",
  synced_at: null,
  sync_summary: null,
  metadata: null,
  created_at: "2030-01-01T00:00:00.000Z",
  updated_at: "2030-01-01T00:00:00.000Z",
  deleted_at: null,
}

describe("the group pricing form's schema", () => {
  it("sends what the form holds: numbers as numbers, empty dates and no tiers as null", () => {
    const { input, errors } = parse(form({ name: "  VIP 10% ", tiers: [tier("5", { percentage: "20" })] }))
    expect(errors).toEqual({})
    expect(input).toEqual({
      name: "VIP 10%",
      customer_group_id: "cusgroup_vip",
      adjustment_type: "percentage",
      percentage: 10,
      amounts: null,
      scope_type: "all",
      scope_ids: null,
      tiers: [{ min_quantity: 5, percentage: 20 }],
      priority: 0,
      starts_at: null,
      ends_at: null,
      status: "active",
    })
    expect(parse(form()).input?.tiers).toBeNull()
  })

  it("gives back a saved rule unchanged after a round trip through the form", () => {
    const { input, errors } = parse(groupPriceRuleFormValues(saved))
    expect(errors).toEqual({})
    expect(input).toEqual({
      name: saved.name,
      customer_group_id: saved.customer_group_id,
      adjustment_type: "fixed_off",
      percentage: null,
      amounts: { eur: 5, usd: 6.5 },
      scope_type: "collections",
      scope_ids: ["pcol_1", "pcol_2"],
      tiers: [{ min_quantity: 10, amounts: { eur: 7 } }],
      priority: 3,
      // datetime-local holds minutes: the same instant.
      starts_at: saved.starts_at,
      ends_at: null,
      status: "inactive",
    })
  })

  it("leaves out currencies left empty and sends amounts, not a percentage, for amount rules", () => {
    const { input } = parse(form({ adjustment_type: "fixed_price", percentage: "10", amounts: { eur: "50", usd: "" } }))
    expect(input).toMatchObject({ adjustment_type: "fixed_price", percentage: null, amounts: { eur: 50 } })
  })

  it("names every field to fix before asking the API: name, group, numbers, a tier's quantity (message keys)", () => {
    const { input, errors } = parse(
      form({
        name: " ",
        customer_group_id: "",
        priority: "high",
        amounts: { eur: "x" },
        starts_at: "not a date",
        tiers: [tier("", { percentage: "20" }), tier("10", { percentage: "x" })],
      })
    )
    expect(input).toBeNull()
    expect(errors).toEqual({
      name: "customerSuite.groupPricing.form.nameRequired",
      customer_group_id: "customerSuite.groupPricing.form.groupRequired",
      priority: "customerSuite.groupPricing.form.numberInvalid",
      starts_at: "customerSuite.groupPricing.form.dateInvalid",
      "tiers.0.min_quantity": "customerSuite.groupPricing.form.quantityRequired",
      "tiers.1.percentage": "customerSuite.groupPricing.form.numberInvalid",
    })
    // Amounts are read only for amount rules; there, one that is no number is named by currency.
    expect(parse(form({ adjustment_type: "fixed_off", amounts: { eur: "x", usd: "2" } })).errors).toEqual({ "amounts.eur": "customerSuite.groupPricing.form.numberInvalid" })
  })

  it("lets the API judge ranges: a percentage of 150 or an empty one is sent as typed", () => {
    expect(parse(form({ percentage: "150" })).input?.percentage).toBe(150)
    expect(parse(form({ percentage: "" })).input?.percentage).toBeNull()
  })

  it("converts datetime-local values to ISO and back in the browser's time zone", () => {
    const iso = fromLocalInput("2031-06-15T09:30")
    expect(iso).toBe(new Date(2031, 5, 15, 9, 30).toISOString())
    expect(toLocalInput(iso)).toBe("2031-06-15T09:30")
    expect(fromLocalInput("")).toBeNull()
    expect(fromLocalInput("not a date")).toBeUndefined()
    expect(toLocalInput(null)).toBe("")
  })
})

describe("the live preview's body", () => {
  it("waits for an adjustment, and for products unless the rule covers all", () => {
    expect(groupPriceRulePreview(form({ percentage: "" }))).toBeNull()
    expect(groupPriceRulePreview(form({ adjustment_type: "fixed_off", amounts: { eur: "" } }))).toBeNull()
    expect(groupPriceRulePreview(form({ scope_type: "products", scope_ids: [] }))).toBeNull()
    expect(groupPriceRulePreview(form({ scope_type: "products", scope_ids: ["prod_1"] }))).toEqual({
      adjustment_type: "percentage",
      percentage: 10,
      amounts: null,
      scope_type: "products",
      scope_ids: ["prod_1"],
      tiers: null,
    })
  })

  it("leaves out tiers still being typed, so they never show as the base price", () => {
    const body = groupPriceRulePreview(form({ tiers: [tier("5", { percentage: "20" }), tier("10", { percentage: "" }), tier("", { percentage: "30" })] }))
    expect(body?.tiers).toEqual([{ min_quantity: 5, percentage: 20 }])
    const amounts = groupPriceRulePreview(
      form({ adjustment_type: "fixed_off", amounts: { eur: "5" }, tiers: [tier("3", { amounts: { eur: "" } }), tier("6", { amounts: { eur: "8" } })] })
    )
    expect(amounts?.tiers).toEqual([{ min_quantity: 6, amounts: { eur: 8 } }])
  })

  it("sends a percentage out of range as typed, so the API's message reaches the field", () => {
    expect(groupPriceRulePreview(form({ percentage: "150" }))?.percentage).toBe(150)
  })
})

describe("where the form shows a message", () => {
  it("places messages on fields the form shows, and keeps the rest for above the buttons", () => {
    const shape = { tiers: [emptyTier()], adjustment_type: "fixed_off" as const }
    expect(["percentage", "amounts.eur", "tiers.0.min_quantity", "tiers.min_quantity", "tiers.amounts.eur", "scope_ids", "ends_at"].every((f) => isPlacedField(f, shape))).toBe(true)
    expect(isPlacedField("tiers.3.percentage", shape)).toBe(false)
    expect(isPlacedField("metadata", shape)).toBe(false)
    expect(isPlacedField("_", shape)).toBe(false)
    expect(isPlacedField("amounts.eur", { ...shape, adjustment_type: "percentage" })).toBe(false)
  })
})

describe("a rule's state", () => {
  const now = new Date("2030-06-01T00:00:00Z")
  it.each([
    [{ status: "inactive", starts_at: null, ends_at: null }, "inactive"],
    [{ status: "active", starts_at: null, ends_at: null }, "active"],
    [{ status: "active", starts_at: "2030-07-01T00:00:00Z", ends_at: null }, "scheduled"],
    [{ status: "active", starts_at: null, ends_at: "2030-06-01T00:00:00Z" }, "ended"],
    [{ status: "inactive", starts_at: "2030-07-01T00:00:00Z", ends_at: null }, "inactive"],
  ] as const)("%j is %s", (rule, state) => {
    expect(ruleState(rule, now)).toBe(state)
  })
})
