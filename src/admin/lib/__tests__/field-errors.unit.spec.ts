import { errorsUnder, flattenFormErrors, labelledMessage, parseFieldErrors, placeErrors, readableMessage, setApiErrors } from "../field-errors"
import { assistanceSettingsErrors } from "../forms/assistance-settings"

describe("the API's messages, by field", () => {
  it("reads our field-first messages, several joined, and Medusa's quoted paths (commas to dots)", () => {
    expect(
      parseFieldErrors(
        "Invalid request: percentage: must be a percentage above 0, up to 100; tiers.1.min_quantity: must be above 10; Field 'tiers, 0, min_quantity' is required"
      )
    ).toEqual({
      percentage: "must be a percentage above 0, up to 100",
      "tiers.1.min_quantity": "must be above 10",
      "tiers.0.min_quantity": "Field 'tiers, 0, min_quantity' is required",
    })
    expect(parseFieldErrors('scope_ids: no product with the id "x"')).toEqual({ scope_ids: 'no product with the id "x"' })
  })

  it("keeps a \"; \" inside a message, and splits where the next message names its field", () => {
    expect(parseFieldErrors('rule.all.0.value: must be a 3-letter currency code, e.g. eur; rule.all.1.operator: unknown operator "x"; operators are eq, neq')).toEqual({
      "rule.all.0.value": "must be a 3-letter currency code, e.g. eur",
      "rule.all.1.operator": 'unknown operator "x"; operators are eq, neq',
    })
  })

  it("reads each kind of Medusa's request validation message", () => {
    expect(
      parseFieldErrors(
        "Invalid request: Value for field 'name' too small, expected at least: '1'; Expected type: 'number' for field 'priority', got: 'string'; Unrecognized fields: 'color'"
      )
    ).toEqual({
      name: "Value for field 'name' too small, expected at least: '1'",
      priority: "Expected type: 'number' for field 'priority', got: 'string'",
      _: "Unrecognized fields: 'color'",
    })
  })

  it("reads the settings' messages, which name a nested setting", () => {
    expect(parseFieldErrors("Invalid request: assistance.storefront_url: must be an http(s) URL; assistance.code_ttl_seconds: must be at least 30")).toEqual({
      "assistance.storefront_url": "must be an http(s) URL",
      "assistance.code_ttl_seconds": "must be at least 30",
    })
  })

  it("keeps a syntax error's line and column with the query it is about", () => {
    expect(parseFieldErrors("query: Line 2, column 4: expected a condition")).toEqual({ query: "Line 2, column 4: expected a condition" })
  })

  it("joins two messages for one field, and keeps what names no field under \"_\"", () => {
    expect(parseFieldErrors("rate: must be a number; rate: must be at most 100")).toEqual({ rate: "must be a number; must be at most 100" })
    expect(parseFieldErrors("Something else went wrong")).toEqual({ _: "Something else went wrong" })
    expect(parseFieldErrors("")).toEqual({})
  })
})

describe("messages where a form shows them", () => {
  const errors = { name: "too long", "tiers.0.percentage": "above 100", "tiers.0": "overlaps", "tiers.10.min_quantity": "x", metadata: "bad", _: "conflict" }

  it("finds the messages for a field and the fields below it", () => {
    expect(errorsUnder(errors, "tiers.0")).toEqual(["above 100", "overlaps"])
    expect(errorsUnder(errors, "name")).toEqual(["too long"])
  })

  it("places the form's fields and joins the others for above its buttons", () => {
    const placed = placeErrors(errors, ["name", "tiers.0", "tiers.0.percentage", "tiers.10.min_quantity"])
    expect(placed.field("name")).toBe("too long")
    expect(placed.rest).toBe("Metadata: bad; conflict")
    expect(placeErrors({ name: "x" }, ["name"]).rest).toBeUndefined()
  })

  it("puts each login-as-customer setting's message on it, without its path, and the rest on the form", () => {
    expect(
      assistanceSettingsErrors({
        "assistance.storefront_url": "must be an http(s) URL",
        "assistance.denied_actions.0": "unknown action",
        assistance: "unknown setting(s) colour",
        _: "Something went wrong",
      })
    ).toEqual({
      storefront_url: "must be an http(s) URL",
      denied_actions: "Line 1: unknown action",
      _: "Assistance: unknown setting(s) colour; Something went wrong",
    })
  })
})

describe("messages away from their field", () => {
  it("keep a rule's message as it comes and name other fields in words", () => {
    expect(labelledMessage("rule.all.0.value", "Number of orders: BETWEEN needs the smaller value first")).toBe(
      "Number of orders: BETWEEN needs the smaller value first"
    )
    expect(labelledMessage("query", "Line 2, column 4: expected a condition")).toBe("Line 2, column 4: expected a condition")
    expect(labelledMessage("tiers.0.min_quantity", "must be above 1")).toBe("Min quantity: must be above 1")
    expect(labelledMessage("_", "conflict")).toBe("conflict")
  })

  it("read a failed request without Medusa's prefix or paths", () => {
    const error = new Error("Invalid request: rule.all.0.value: Number of orders: BETWEEN needs the smaller value first; name: too long")
    expect(readableMessage(error)).toBe("Number of orders: BETWEEN needs the smaller value first; Name: too long")
  })
})

describe("a react-hook-form form's errors", () => {
  it("reads its nested errors by path, the API's and its own alike, without the field refs", () => {
    const tiers = Object.assign([undefined, { percentage: { type: "custom", message: "customerSuite.groupPricing.form.numberInvalid", ref: { name: "x" } } }], {
      root: { type: "api", message: "must rise with the quantity" },
    })
    expect(
      flattenFormErrors({
        name: { type: "too_small", message: "customerSuite.segments.form.nameRequired" },
        amounts: { eur: { type: "api", message: "must be positive" } },
        tiers,
        root: { api: { type: "api", message: "conflict" } },
      })
    ).toEqual({
      name: "customerSuite.segments.form.nameRequired",
      "amounts.eur": "must be positive",
      "tiers.1.percentage": "customerSuite.groupPricing.form.numberInvalid",
      tiers: "must rise with the quantity",
      _: "conflict",
    })
    expect(flattenFormErrors({})).toEqual({})
  })

  it("hands the API's errors to setError, a field before the fields below it, what names no field on root.api", () => {
    const calls: [string, string][] = []
    setApiErrors<Record<string, unknown>>((name, error) => calls.push([name, error.message ?? ""]), {
      "tiers.0.min_quantity": "must be above 1",
      tiers: "must rise",
      _: "conflict",
    })
    expect(calls).toEqual([
      ["tiers", "must rise"],
      ["root.api", "conflict"],
      ["tiers.0.min_quantity", "must be above 1"],
    ])
  })
})
