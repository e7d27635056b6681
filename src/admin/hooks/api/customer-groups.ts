import { useQuery } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"

/** The core customer groups our filters and settings offer (cached under our own key). */

export const customerGroupOptionsQueryKeys = {
  all: ["customer-suite", "customer-group-options"] as const,
}

/** Customer groups by name (the first 200), as select options. */
export const useCustomerGroupOptions = () =>
  useQuery({
    queryKey: customerGroupOptionsQueryKeys.all,
    queryFn: async () => {
      const { customer_groups } = await sdk.admin.customerGroup.list({ limit: 200, fields: "id,name", order: "name" })
      return customer_groups.map((g) => ({ value: g.id, label: g.name ?? g.id }))
    },
    staleTime: 30_000,
  })
