import { pickRow, productClassFor, taxLinesFor, type MatrixRow, type TaxClassContext } from "../apply-matrix"

const row = (patch: Partial<MatrixRow>): MatrixRow => ({
  id: "txcr_x",
  customer_class_id: "retail",
  product_class_id: "taxable",
  country_code: "de",
  province_code: null,
  rate: 19,
  is_exempt: false,
  code: "VAT",
  name: "VAT",
  ...patch,
})

const rows = [
  row({ id: "wholesale-de", customer_class_id: "wholesale", is_exempt: true, rate: null, code: null, name: null }),
  row({ id: "reduced-de", product_class_id: "reduced", rate: 7, code: "VAT-RED", name: "Reduced VAT" }),
  row({ id: "reduced-us", product_class_id: "reduced", country_code: "us", rate: 0, code: null, name: null }),
  row({ id: "reduced-us-ca", product_class_id: "reduced", country_code: "us", province_code: "us-ca", rate: 2.5 }),
]
const context = (customer: string | null): TaxClassContext => ({
  customer_class_id: customer,
  product_class_ids: { prod_book: "reduced" },
  default_product_class_id: "taxable",
  shipping_class_id: "taxable",
  rows,
})
const resolved = [{ id: "txrate_de", rate: 19, code: "DE", name: "Germany" }]

describe("the tax-class matrix", () => {
  it("picks the province's row first, then the country's, and nothing across countries or classes", () => {
    expect(pickRow(rows, "retail", "reduced", { country_code: "US", province_code: "US-CA" })?.id).toBe("reduced-us-ca")
    expect(pickRow(rows, "retail", "reduced", { country_code: "us", province_code: "us-ny" })?.id).toBe("reduced-us")
    expect(pickRow(rows, "retail", "reduced", { country_code: "fr" })).toBeNull()
    expect(pickRow(rows, "retail", "taxable", { country_code: "de" })).toBeNull()
    expect(pickRow(rows, null, "reduced", { country_code: "de" })).toBeNull()
  })

  it("makes an exempt customer's line 0 % with a code, and keeps the class in the line's data", () => {
    expect(taxLinesFor({ line_item_id: "li_1" }, "taxable", resolved, context("wholesale"), { country_code: "de" }, "tp_tax-class")).toEqual([
      {
        rate: 0,
        code: "EXEMPT",
        name: "Tax exempt",
        provider_id: "tp_tax-class",
        line_item_id: "li_1",
        data: { customer_class_id: "wholesale", product_class_id: "taxable", matrix_row_id: "wholesale-de" },
      },
    ])
  })

  it("replaces the resolved rates with the row's rate", () => {
    const [line] = taxLinesFor({ line_item_id: "li_2" }, "reduced", resolved, context("retail"), { country_code: "de" }, "p")
    expect(line).toMatchObject({ rate: 7, code: "VAT-RED", name: "Reduced VAT", line_item_id: "li_2" })
    expect(line.rate_id).toBeUndefined()
  })

  it("falls back to the rates the tax module resolved where no row matches, or without context", () => {
    const fallback = [{ rate_id: "txrate_de", rate: 19, code: "DE", name: "Germany", provider_id: "p", shipping_line_id: "sm_1" }]
    expect(taxLinesFor({ shipping_line_id: "sm_1" }, "taxable", resolved, context("retail"), { country_code: "de" }, "p")).toEqual([
      { ...fallback[0], data: { customer_class_id: "retail", product_class_id: "taxable", matrix_row_id: null } },
    ])
    expect(taxLinesFor({ shipping_line_id: "sm_1" }, "taxable", resolved, null, { country_code: "de" }, "p")).toEqual(fallback)
    expect(taxLinesFor({ line_item_id: "li_3" }, "taxable", [], context("retail"), { country_code: "de" }, "p")).toEqual([])
  })

  it("takes a product's own class, the default class for others, and none without context", () => {
    expect(productClassFor(context("retail"), "prod_book")).toBe("reduced")
    expect(productClassFor(context("retail"), "prod_other")).toBe("taxable")
    expect(productClassFor(context("retail"), null)).toBe("taxable")
    expect(productClassFor(null, "prod_book")).toBeNull()
  })
})
