import {
  DEFAULT_COLUMNS,
  columnsFromParams,
  csvRecordCounter,
  dateBound,
  exportQuery,
  filterEntries,
  filtersFromParams,
  filtersToEntries,
  gridQuery,
  isFilterKey,
  nextSort,
  sortFromParams,
  stateToParams,
} from "../customer-grid"
import type { CustomerGridFilters } from "../../../types/http/customer-grid"

describe("customers grid: its state in the URL", () => {
  const every: CustomerGridFilters = {
    q: "anna",
    group_id: ["cusgroup_b", "cusgroup_a"],
    segment_id: ["cseg_1"],
    audience_id: ["aud_1"],
    tax_class_id: ["txcl_1"],
    country: ["DE", "FR"],
    has_account: true,
    online: false,
    locked: false,
    created_at: { gte: "2026-01-01T00:00:00.000Z", lte: "2026-01-31T23:59:59.999Z" },
    last_order_at: { gte: "2026-02-01T00:00:00.000Z" },
    last_activity_at: { lte: "2026-03-01T23:59:59.999Z" },
    orders_count: { gte: 2, lte: 10 },
    amount_spent: { currency: "eur", gte: 100.5 },
  }

  it("writes every filter in the API's query format and reads it back", () => {
    const params = new URLSearchParams(filtersToEntries(every))
    expect(params.getAll("group_id[]")).toEqual(["cusgroup_a", "cusgroup_b"])
    expect(params.get("created_at[gte]")).toBe("2026-01-01T00:00:00.000Z")
    expect(params.get("amount_spent[currency]")).toBe("eur")
    expect(params.get("orders_count[lte]")).toBe("10")
    expect(params.get("online")).toBe("false")
    expect(filtersFromParams(params)).toEqual({ ...every, group_id: ["cusgroup_a", "cusgroup_b"] })
    // Every key written is one the grid forwards.
    expect([...params.keys()].filter((k) => !isFilterKey(k))).toEqual([])
  })

  it("leaves out blank values, and an amount range without its currency", () => {
    expect(filtersToEntries({ q: "  ", group_id: [], created_at: {}, orders_count: {} })).toEqual([])
    const params = new URLSearchParams("amount_spent[gte]=5&orders_count[gte]=&has_account=maybe")
    expect(filtersFromParams(params)).toEqual({})
  })

  it("forwards the filters as typed (the API names what it refuses), and nothing else", () => {
    const params = new URLSearchParams("orders_count[gte]=lots&sort=-email&columns=email&view=cgv_1&foo=bar&group_id[]=g1&online=true")
    expect(filterEntries(params)).toEqual([
      ["orders_count[gte]", "lots"],
      ["group_id[]", "g1"],
      ["online", "true"],
    ])
    // Not a number: left out of the JSON filters (a view, a bulk action), still sent to the grid.
    expect(filtersFromParams(params)).toEqual({ group_id: ["g1"], online: true })
    expect(new URLSearchParams(gridQuery(params, { limit: 50, cursor: "abc" })).toString()).toBe(
      "orders_count%5Bgte%5D=lots&group_id%5B%5D=g1&online=true&sort=-email&limit=50&cursor=abc"
    )
  })

  it("sorts by the offered fields only, and by amount spent only with a currency", () => {
    expect(sortFromParams(new URLSearchParams("sort=-last_order_at"))).toBe("-last_order_at")
    expect(sortFromParams(new URLSearchParams("sort=phone"))).toBeUndefined()
    expect(sortFromParams(new URLSearchParams("sort=amount_spent"))).toBeUndefined()
    expect(sortFromParams(new URLSearchParams("sort=amount_spent&amount_spent[currency]=eur"))).toBe("amount_spent")
    expect(nextSort(undefined, "email")).toBe("email")
    expect(nextSort("email", "email")).toBe("-email")
    expect(nextSort("-email", "email")).toBe("email")
    expect(nextSort("-email", "created_at")).toBe("created_at")
  })

  it("keeps the columns in the grid's order, the default ones when none are known", () => {
    expect(columnsFromParams(new URLSearchParams("columns=groups,email,nope"))).toEqual(["email", "groups"])
    expect(columnsFromParams(new URLSearchParams("columns=nope"))).toEqual(DEFAULT_COLUMNS)
    expect(columnsFromParams(new URLSearchParams())).toEqual(DEFAULT_COLUMNS)
  })

  it("round-trips a whole state (a saved view applied) through the URL", () => {
    const params = stateToParams({ filters: every, columns: ["groups", "id", "email"], sort: "-amount_spent", view: "cgv_1" })
    expect(filtersFromParams(params)).toEqual({ ...every, group_id: ["cusgroup_a", "cusgroup_b"] })
    expect(columnsFromParams(params)).toEqual(["id", "email", "groups"])
    expect(sortFromParams(params)).toBe("-amount_spent")
    expect(params.get("view")).toBe("cgv_1")
    // The default columns are not written.
    expect(stateToParams({ filters: {}, columns: DEFAULT_COLUMNS }).toString()).toBe("")
  })

  it("exports the shown columns with the selected ids, or with the filters", () => {
    const params = new URLSearchParams("group_id[]=g1&sort=email")
    const byIds = new URLSearchParams(exportQuery(params, ["id", "email"], ["cus_1", "cus_2"]))
    expect(byIds.getAll("columns[]")).toEqual(["id", "email"])
    expect(byIds.getAll("ids[]")).toEqual(["cus_1", "cus_2"])
    expect(byIds.has("group_id[]")).toBe(false)
    const byFilter = new URLSearchParams(exportQuery(params, ["id"], null))
    expect(byFilter.getAll("group_id[]")).toEqual(["g1"])
    expect(byFilter.get("sort")).toBe("email")
    expect(byFilter.has("ids[]")).toBe(false)
  })

  it("turns a date input into inclusive UTC bounds", () => {
    expect(dateBound("2026-05-01", "gte")).toBe("2026-05-01T00:00:00.000Z")
    expect(dateBound("2026-05-01", "lte")).toBe("2026-05-01T23:59:59.999Z")
    expect(dateBound("", "lte")).toBeUndefined()
  })
})

describe("customers grid: counting the export's rows as they stream in", () => {
  it("counts records, not line breaks inside quoted fields, across chunk borders", () => {
    const csv = 'id,email,note\r\ncus_1,a@x.io,"two\nlines"\r\ncus_2,b@x.io,"say ""hi"""\r\ncus_3,c@x.io,plain'
    for (const size of [1, 3, 7, csv.length]) {
      const counter = csvRecordCounter()
      for (let i = 0; i < csv.length; i += size) {
        counter.push(csv.slice(i, i + size))
      }
      expect(counter.total()).toBe(4)
    }
    const ended = csvRecordCounter()
    ended.push("id\ncus_1\n")
    expect(ended.total()).toBe(2)
  })
})
