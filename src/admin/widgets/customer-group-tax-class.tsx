import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomerGroup, DetailWidgetProps } from "@medusajs/framework/types"
import { TaxClassWidget } from "../components/tax-classes/tax-class-widget"

/** A customer group's tax class (a customer class), or the default one. */
const CustomerGroupTaxClassWidget = ({ data: group }: DetailWidgetProps<AdminCustomerGroup>) => (
  <TaxClassWidget owner={{ kind: "customer_group", id: group.id }} testId="customer-suite-group-tax-class" />
)

export const config = defineWidgetConfig({
  zone: "customer_group.details.after",
})

export default CustomerGroupTaxClassWidget
