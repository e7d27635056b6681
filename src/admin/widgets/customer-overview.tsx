import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Skeleton, Text } from "@medusajs/ui"
import { Section } from "../components/common/section"
import { useCustomerOverview } from "../hooks/api/customer-overview"
import { formatDate, formatMoney } from "../lib/format"

const Row = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <div className="text-ui-fg-subtle grid grid-cols-2 items-start px-6 py-3">
    <Text size="small" weight="plus" leading="compact">
      {label}
    </Text>
    <Text size="small" leading="compact" className="text-pretty">
      {children}
    </Text>
  </div>
)

const CustomerOverviewWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const { data, isPending, isError } = useCustomerOverview(customer.id)
  const overview = data?.overview

  return (
    <Section testId="customer-suite-customer-overview" title="Purchase overview" hint="Placed orders, canceled and draft orders left out.">
      {isPending && (
        <div className="flex flex-col gap-y-2 px-6 py-4" aria-busy="true">
          <Skeleton className="h-5 w-full" />
          <Skeleton className="h-5 w-full" />
          <Skeleton className="h-5 w-full" />
        </div>
      )}
      {isError && (
        <div className="px-6 py-4" role="alert">
          <Text size="small" className="text-ui-fg-error">
            Could not load the purchase overview.
          </Text>
        </div>
      )}
      {overview && (
        <>
          <Row label="Orders">{overview.orders_count}</Row>
          <Row label="Amount spent">
            {overview.amount_spent.length
              ? overview.amount_spent
                  .map((s) => formatMoney(s.amount, s.currency_code))
                  .join(" · ")
              : "—"}
          </Row>
          <Row label="First order">{formatDate(overview.first_order_at)}</Row>
          <Row label="Last order">{formatDate(overview.last_order_at)}</Row>
        </>
      )}
    </Section>
  )
}

export const config = defineWidgetConfig({
  zone: "customer.details.side.after",
})

export default CustomerOverviewWidget
