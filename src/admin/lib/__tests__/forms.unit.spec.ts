import { assistanceSettingsFormValues, assistanceSettingsUpdate, changedSettings } from "../forms/assistance-settings"
import { assistanceStartFormSchema } from "../forms/assistance-start"
import { activityResetPaths, activitySettingsErrors, activitySettingsFormValues, activitySettingsUpdate, changedActivitySettings } from "../forms/activity-settings"
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
    settings: { consent: "opt_in", code_ttl_seconds: 60, session_ttl_minutes: 30, storefront_url: null, require_reason: true, consent_label: "Allow help", consent_help: "", denied_actions: ["a", "b"] },
    overridden: [],
    editable: [],
    plugin_options: {},
  }
  const saved = assistanceSettingsFormValues(capability)

  it("holds numbers and lists as text", () => {
    expect(saved).toEqual({
      enabled: false,
      consent: "opt_in",
      code_ttl_seconds: "60",
      session_ttl_minutes: "30",
      storefront_url: "",
      require_reason: true,
      consent_label: "Allow help",
      consent_help: "",
      denied_actions: "a\nb",
    })
  })

  it("sends only the changed settings, as the API takes them; a number that is none is sent as typed", () => {
    const form = { ...saved, enabled: true, code_ttl_seconds: "90", session_ttl_minutes: "soon", storefront_url: " ", consent_help: "We can help.", denied_actions: "a\n\n c " }
    expect(changedSettings(saved, saved)).toEqual([])
    expect(assistanceSettingsUpdate(form, saved)).toEqual({
      assistance: { enabled: true, code_ttl_seconds: 90, session_ttl_minutes: "soon", storefront_url: null, consent_help: "We can help.", denied_actions: ["a", "c"] },
    })
  })

  it("sends a session's reason trimmed", () => {
    expect(assistanceStartFormSchema.parse({ reason: "  by phone " })).toBe("by phone")
  })
})

describe("the account-security settings forms", () => {
  const signIn = { lockout_mode: "account_and_ip", max_failures: 10, lockout_minutes: 10, max_failures_per_account: 100, max_failures_per_ip: 50, ip_window_minutes: 15 } as const
  const capability: AdminCapabilitySettingsOf<"activity"> = {
    id: "activity",
    name: "Account security",
    description: "",
    enabled: true,
    available: true,
    settings: {
      sign_in: signIn,
      password_reset: { protection: "ip_and_email", max_requests_per_hour: 5, min_seconds_between: 600 },
      password_policy: { min_length: 8, max_length: 256, refuse_common: true, min_strength: null, required_classes: 0 },
      presence: { enabled: true, online_window_minutes: 15, visitor_retention_days: 7 },
      security_log_retention_days: 365,
      trusted_proxies: ["10.0.0.0/8"],
      limiter_store: "postgres",
      redis_url: null,
      login_landing: "account",
    },
    overridden: [],
    editable: [],
    plugin_options: {},
  }

  it("holds a group's values as text: numbers, switches as true/false, none as empty, lists a line each", () => {
    expect(activitySettingsFormValues(capability, "sign_in")).toEqual({
      lockout_mode: "account_and_ip",
      max_failures: "10",
      lockout_minutes: "10",
      max_failures_per_account: "100",
      max_failures_per_ip: "50",
      ip_window_minutes: "15",
    })
    expect(activitySettingsFormValues(capability, "password_policy")).toMatchObject({ refuse_common: "true", min_strength: "" })
    expect(activitySettingsFormValues(capability, "general")).toEqual({ login_landing: "account", security_log_retention_days: "365", trusted_proxies: "10.0.0.0/8" })
  })

  it("sends a group's changed settings inside the group, and the others beside the groups", () => {
    const saved = activitySettingsFormValues(capability, "password_policy")
    const form = { ...saved, min_length: "15", refuse_common: "false", min_strength: "3" }
    expect(changedActivitySettings("password_policy", saved, saved)).toEqual([])
    expect(activitySettingsUpdate("password_policy", form, saved)).toEqual({ activity: { password_policy: { min_length: 15, refuse_common: false, min_strength: 3 } } })
    expect(activitySettingsUpdate("password_policy", { ...form, min_strength: " " }, { ...saved, min_strength: "3" })).toEqual({
      activity: { password_policy: { min_length: 15, refuse_common: false, min_strength: null } },
    })
    const general = activitySettingsFormValues(capability, "general")
    expect(activitySettingsUpdate("general", { ...general, trusted_proxies: " loopback \n\n10.0.0.0/8", security_log_retention_days: "a year" }, general)).toEqual({
      activity: { security_log_retention_days: "a year", trusted_proxies: ["loopback", "10.0.0.0/8"] },
    })
    expect(activityResetPaths("sign_in")).toEqual(["activity.sign_in"])
    expect(activityResetPaths("general", "login_landing")).toEqual(["activity.login_landing"])
  })

  it("puts the API's messages under their settings, and others above the buttons", () => {
    expect(
      activitySettingsErrors("sign_in", {
        "activity.sign_in.max_failures": "Too small: expected number to be >=1",
        "activity.sign_in": "unknown setting(s) colour",
      })
    ).toEqual({ max_failures: "Too small: expected number to be >=1", _: "Sign in: unknown setting(s) colour" })
    expect(activitySettingsErrors("general", { "activity.trusted_proxies.1": '"x" is not an IP address' })).toEqual({ trusted_proxies: 'Line 2: "x" is not an IP address' })
  })
})
