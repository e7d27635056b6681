import type { ITaxProvider, ItemTaxCalculationLine, ItemTaxLineDTO, ShippingTaxCalculationLine, ShippingTaxLineDTO, TaxTypes } from "@medusajs/framework/types"
import { CONTEXT_KEY, productClassFor, taxLinesFor, type TaxClassContext } from "./apply-matrix"

/**
 * The `tax-class` tax provider: the tax module resolves each line's rates for
 * the destination (country, province, product and type rules) as usual; this
 * provider then applies the tax-class matrix over them. The customer's class,
 * each product's class and the destination's matrix rows arrive in
 * `context.additional_context`, put there by the plugin's `setTaxLineContext`
 * hook handlers (the provider runs in the tax module's container and cannot
 * read the tax_class module). Without that context it behaves exactly like
 * Medusa's system provider.
 *
 * Choose it on each country's tax region (provinces use their country's provider).
 */
export default class TaxClassTaxProvider implements ITaxProvider {
  static identifier = "tax-class"

  getIdentifier(): string {
    return TaxClassTaxProvider.identifier
  }

  async getTaxLines(
    itemLines: ItemTaxCalculationLine[],
    shippingLines: ShippingTaxCalculationLine[],
    context: TaxTypes.TaxCalculationContext
  ): Promise<(ItemTaxLineDTO | ShippingTaxLineDTO)[]> {
    const classes = readContext(context)
    const address = { country_code: context.address.country_code, province_code: context.address.province_code ?? null }
    const id = this.getIdentifier()
    const items = itemLines.flatMap(({ line_item, rates }) =>
      taxLinesFor({ line_item_id: line_item.id }, productClassFor(classes, line_item.product_id), rates, classes, address, id)
    )
    const shipping = shippingLines.flatMap(({ shipping_line, rates }) =>
      taxLinesFor({ shipping_line_id: shipping_line.id }, classes?.shipping_class_id ?? null, rates, classes, address, id)
    )
    return [...items, ...shipping] as (ItemTaxLineDTO | ShippingTaxLineDTO)[]
  }
}

function readContext(context: TaxTypes.TaxCalculationContext): TaxClassContext | null {
  const value = (context as { additional_context?: Record<string, unknown> }).additional_context?.[CONTEXT_KEY]
  if (!value || typeof value !== "object" || !Array.isArray((value as TaxClassContext).rows)) {
    return null
  }
  return value as TaxClassContext
}
