import { useQuery } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import type { CustomerOverview } from "../../lib/types/customer-overview"

/** A customer's purchase overview (src/api/admin/customer-suite/customers/:id/overview). */

export const customerOverviewQueryKeys = {
  all: ["customer-suite", "customer-overview"] as const,
  detail: (customerId: string) => [...customerOverviewQueryKeys.all, customerId] as const,
}

export const useCustomerOverview = (customerId: string) =>
  useQuery({
    queryKey: customerOverviewQueryKeys.detail(customerId),
    queryFn: () => sdk.client.fetch<{ overview: CustomerOverview }>(`/admin/customer-suite/customers/${customerId}/overview`),
    enabled: !!customerId,
  })
