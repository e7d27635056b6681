import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminProduct, DetailWidgetProps } from "@medusajs/framework/types"
import { TaxClassWidget } from "../components/tax-classes/tax-class-widget"

/** A product's tax class (a product class), or the default one. */
const ProductTaxClassWidget = ({ data: product }: DetailWidgetProps<AdminProduct>) => (
  <TaxClassWidget owner={{ kind: "product", id: product.id }} testId="customer-suite-product-tax-class" />
)

export const config = defineWidgetConfig({
  zone: "product.details.side.after",
})

export default ProductTaxClassWidget
