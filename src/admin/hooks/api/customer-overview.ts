import { useQuery } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"

export type CustomerOverview = {
  customer_id: string
  has_account: boolean
  customer_since: string
  orders_count: number
  amount_spent: { currency_code: string; amount: number }[]
  first_order_at: string | null
  last_order_at: string | null
}

export const customerOverviewQueryKeys = {
  all: ["customer-suite", "customer-overview"] as const,
  detail: (customerId: string) => [...customerOverviewQueryKeys.all, customerId] as const,
}

export const useCustomerOverview = (customerId: string) =>
  useQuery({
    queryKey: customerOverviewQueryKeys.detail(customerId),
    queryFn: () =>
      sdk.client.fetch<{ overview: CustomerOverview }>(
        `/admin/customer-suite/customers/${customerId}/overview`
      ),
    enabled: !!customerId,
  })
