import { compareGridViews } from "../../../../../workflows/customer-grid/utils/grid-views"
import { AdminCreateGridView, AdminSetDefaultGridView, AdminUpdateGridView } from "../validators"

const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues.map((i) => i.message) ?? []

describe("saved grid view validators", () => {
  it("accepts a view and stores its filters as the grid parses them", () => {
    const parsed = AdminCreateGridView.parse({
      name: "  Big spenders ",
      columns: ["email", "amount_spent"],
      sort: "-amount_spent",
      filters: { has_account: "true", amount_spent: { currency: "EUR", gte: "100" }, country: ["fr"] },
    })
    expect(parsed).toEqual({
      name: "Big spenders",
      columns: ["email", "amount_spent"],
      sort: "-amount_spent",
      filters: { has_account: true, amount_spent: { currency: "eur", gte: 100 }, country: ["fr"] },
    })
  })

  it.each([
    [{ name: "   ", columns: ["email"] }, "name: must be 1 to 120 characters"],
    [{ name: "x".repeat(121), columns: ["email"] }, "name: must be 1 to 120 characters"],
    [{ name: "A", columns: [] }, "columns: must be a list of 1 to 19 of"],
    [{ name: "A" }, "columns: must be a list"],
    [{ name: "A", columns: ["email", "password"] }, 'columns.1: unknown column "password"'],
    [{ name: "A", columns: ["email", "email"] }, 'columns.1: "email" is listed twice'],
    [{ name: "A", columns: ["email"], sort: "name" }, "sort: must be one of created_at"],
    [{ name: "A", columns: ["email"], sort: "--email" }, "sort: must be one of"],
    [{ name: "A", columns: ["email"], filters: { created_at: { gte: "yesterday" } } }, "filters.created_at[gte]: must be an ISO 8601 date"],
    [{ name: "A", columns: ["email"], filters: { favourite_colour: "blue" } }, "filters.favourite_colour: unknown filter"],
    [{ name: "A", columns: ["email"], filters: [] }, "filters: must be an object"],
  ])("refuses %j naming the field", (body, message) => {
    const result = AdminCreateGridView.safeParse(body)
    expect(result.success).toBe(false)
    expect(messages(result).join("; ")).toContain(message)
  })

  it("takes a partial update, with the same checks on what is sent", () => {
    expect(AdminUpdateGridView.parse({ shared: true })).toEqual({ shared: true })
    expect(AdminUpdateGridView.parse({ sort: null })).toEqual({ sort: null })
    expect(messages(AdminUpdateGridView.safeParse({ columns: ["nope"] }))[0]).toMatch(/^columns\.0: /)
    expect(AdminUpdateGridView.safeParse({ owner_user_id: "user_1" }).success).toBe(false)
  })

  it("takes a view id or null as the default", () => {
    expect(AdminSetDefaultGridView.parse({ view_id: null })).toEqual({ view_id: null })
    expect(AdminSetDefaultGridView.parse({ view_id: "cgview_1" })).toEqual({ view_id: "cgview_1" })
    expect(messages(AdminSetDefaultGridView.safeParse({ view_id: "a b" }))[0]).toMatch(/^view_id: /)
  })

  it("orders views by folded name, then name, then id, whatever the locale", () => {
    const views = [
      { id: "b", name: "Zebra" },
      { id: "c", name: "éclair" },
      { id: "d", name: "apple" },
      { id: "a", name: "Apple" },
      { id: "e", name: "Apple" },
      { id: "f", name: "STRASSE" },
      { id: "g", name: "straße" },
    ]
    expect([...views].sort(compareGridViews).map((v) => v.id)).toEqual(["a", "e", "d", "f", "g", "b", "c"])
  })
})
