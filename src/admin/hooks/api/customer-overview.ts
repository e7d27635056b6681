import { useQuery } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import type { AdminCustomerOverviewResponse } from "../../../types/http"

/** A customer's purchase overview (src/api/admin/customer-suite/customers/:id/overview). */

export const customerOverviewQueryKeys = {
  all: ["customer-suite", "customer-overview"] as const,
  detail: (customerId: string) => [...customerOverviewQueryKeys.all, customerId] as const,
}

export const useCustomerOverview = (customerId: string) =>
  useQuery({
    queryKey: customerOverviewQueryKeys.detail(customerId),
    queryFn: () => sdk.client.fetch<AdminCustomerOverviewResponse>(`/admin/customer-suite/customers/${customerId}/overview`),
    enabled: !!customerId,
  })
