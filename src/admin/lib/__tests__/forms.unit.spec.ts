import { assistanceSettingsFormValues, assistanceSettingsUpdate, changedSettings } from "../forms/assistance-settings"
import { assistanceStartFormSchema } from "../forms/assistance-start"
import { segmentFormSchema, segmentFormValues } from "../forms/segment"
import { parseRate, suggestCode, taxClassFormSchema, taxClassRateFormSchema, taxClassRateFormValues } from "../forms/tax-classes"
import type { AdminCapabilitySettingsOf } from "../../../types/http"

const messages = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]))

describe("the segment form's schema", () => {
  it("asks for a name, and sends the details trimmed (no description as null)", () => {
    expect(messages(segmentFormSchema.safeParse({ ...segmentFormValues(), name: "  " }))).toEqual({ name: "customerSuite.segments.form.nameRequired" })
    expect(segmentFormSchema.parse({ ...segmentFormValues(), name: " VIP ", description: "  " })).toEqual({
      name: "VIP",
      description: null,
      kind: "dynamic",
      applies_to: "registered",
      status: "active",
      sync_customer_group: false,
    })
  })
})

describe("the tax class drawers' schemas", () => {
  it("sends a class's code trimmed and no description as null", () => {
    expect(taxClassFormSchema.parse({ name: "Trade exempt", code: " trade-exempt ", description: " ", is_default: false })).toEqual({
      name: "Trade exempt",
      code: "trade-exempt",
      description: null,
      is_default: false,
    })
  })

  it("suggests a code from a name", () => {
    expect(suggestCode("Trade exempt")).toBe("trade-exempt")
    expect(suggestCode("Bücher & Zeitschriften")).toBe("bucher-zeitschriften")
  })

  it("reads a rate as typed (a comma too), refuses text, and sends none for an exempt row", () => {
    expect(parseRate("19,5")).toBe(19.5)
    expect(parseRate("abc")).toBeNull()
    const row = { ...taxClassRateFormValues(), customer_class_id: "tcls_c", product_class_id: "tcls_p", country_code: "de" }
    expect(taxClassRateFormSchema.parse({ ...row, rate: "7", province_code: " de-by ", code: "", name: "" })).toEqual({
      customer_class_id: "tcls_c",
      product_class_id: "tcls_p",
      country_code: "de",
      province_code: "de-by",
      rate: 7,
      is_exempt: false,
      code: null,
      name: null,
    })
    expect(messages(taxClassRateFormSchema.safeParse({ ...row, rate: "seven" }))).toEqual({ rate: "customerSuite.taxClasses.matrix.rateNotNumber" })
    expect(taxClassRateFormSchema.parse({ ...row, rate: "seven", is_exempt: true }).rate).toBeNull()
  })
})

describe("the login-as-customer settings form", () => {
  const capability: AdminCapabilitySettingsOf<"assistance"> = {
    id: "assistance",
    name: "Login as customer",
    description: "",
    enabled: false,
    available: true,
    settings: { consent: "opt_in", code_ttl_seconds: 60, session_ttl_minutes: 30, storefront_url: null, require_reason: true, denied_actions: ["a", "b"] },
    overridden: [],
    editable: [],
    plugin_options: {},
  }
  const saved = assistanceSettingsFormValues(capability)

  it("holds numbers and lists as text", () => {
    expect(saved).toEqual({ enabled: false, consent: "opt_in", code_ttl_seconds: "60", session_ttl_minutes: "30", storefront_url: "", require_reason: true, denied_actions: "a\nb" })
  })

  it("sends only the changed settings, as the API takes them; a number that is none is sent as typed", () => {
    const form = { ...saved, enabled: true, code_ttl_seconds: "90", session_ttl_minutes: "soon", storefront_url: " ", denied_actions: "a\n\n c " }
    expect(changedSettings(saved, saved)).toEqual([])
    expect(assistanceSettingsUpdate(form, saved)).toEqual({
      assistance: { enabled: true, code_ttl_seconds: 90, session_ttl_minutes: "soon", storefront_url: null, denied_actions: ["a", "c"] },
    })
  })

  it("sends a session's reason trimmed", () => {
    expect(assistanceStartFormSchema.parse({ reason: "  by phone " })).toBe("by phone")
  })
})
