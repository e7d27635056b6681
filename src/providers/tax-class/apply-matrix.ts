/**
 * The tax-class matrix applied to the lines the tax module hands a provider.
 * Pure: the provider runs in the tax module's own container and cannot read
 * the tax_class module, so the `setTaxLineContext` hook passes everything in
 * `additional_context` (see docs/research/issue-5-tax-classes-and-group-pricing.md).
 */

export const CONTEXT_KEY = "customer_suite_tax_class"

export type MatrixRow = {
  id: string
  customer_class_id: string
  product_class_id: string
  country_code: string
  province_code: string | null
  rate: number | null
  is_exempt: boolean
  code: string | null
  name: string | null
}

export type TaxClassContext = {
  /** The customer's class (the default customer class when none applies). */
  customer_class_id: string | null
  /** The product class of each product in the lines that has one, by product id. */
  product_class_ids: Record<string, string>
  /** The class of products without one (the default product class), null when there is no default. */
  default_product_class_id: string | null
  /** The class shipping lines are taxed as (the default product class). */
  shipping_class_id: string | null
  /** Matrix rows for the destination country (all its provinces included). */
  rows: MatrixRow[]
}

/** A rate the tax module resolved for a line (its regions' defaults and rules). */
export type ResolvedRate = { id: string; rate: number | null; code: string | null; name: string }

export type TaxLine = {
  rate_id?: string
  rate: number
  code: string | null
  name: string
  provider_id: string
  line_item_id?: string
  shipping_line_id?: string
  data?: Record<string, unknown>
}

type Address = { country_code: string; province_code?: string | null }

/** The row for a cell: the province's first, then the country's; null when none. */
export function pickRow(
  rows: MatrixRow[],
  customerClassId: string | null,
  productClassId: string | null,
  address: Address
): MatrixRow | null {
  if (!customerClassId || !productClassId) {
    return null
  }
  const country = address.country_code.toLowerCase()
  const province = address.province_code?.toLowerCase() ?? null
  const cell = rows.filter(
    (r) => r.customer_class_id === customerClassId && r.product_class_id === productClassId && r.country_code === country
  )
  return (province ? cell.find((r) => r.province_code === province) : undefined) ?? cell.find((r) => r.province_code === null) ?? null
}

/** The product class a product's lines are taxed as. */
export function productClassFor(context: TaxClassContext | null, productId: string | null | undefined): string | null {
  if (!context) {
    return null
  }
  return (productId ? context.product_class_ids[productId] : undefined) ?? context.default_product_class_id
}

/** Tax lines for one line: the matrix row's rate (one line replacing the resolved rates), or exempt, or the resolved rates. */
export function taxLinesFor(
  line: { line_item_id?: string; shipping_line_id?: string },
  productClassId: string | null,
  rates: ResolvedRate[],
  context: TaxClassContext | null,
  address: Address,
  providerId: string
): TaxLine[] {
  const row = context ? pickRow(context.rows, context.customer_class_id, productClassId, address) : null
  if (!row) {
    // The region's own rates, stamped with the classes they were computed for (an audit trail).
    const stamp = context ? { data: { customer_class_id: context.customer_class_id, product_class_id: productClassId, matrix_row_id: null } } : {}
    return rates.map((r) => ({ rate_id: r.id, rate: r.rate ?? 0, code: r.code, name: r.name, provider_id: providerId, ...stamp, ...line }))
  }
  const data = { customer_class_id: context!.customer_class_id, product_class_id: productClassId, matrix_row_id: row.id }
  if (row.is_exempt) {
    return [{ rate: 0, code: row.code ?? "EXEMPT", name: row.name ?? "Tax exempt", provider_id: providerId, data, ...line }]
  }
  return [{ rate: row.rate ?? 0, code: row.code, name: row.name ?? "Tax", provider_id: providerId, data, ...line }]
}
