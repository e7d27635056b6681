import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { toSearch } from "../../lib/api"
import { sdk } from "../../lib/sdk"
import type { AdminCustomerPresenceResponse, AdminOnlineResponse } from "../../../types/http"

/** Now Online (src/api/admin/customer-suite/online, customers/:id/presence). Read only: presence comes from the storefront. */

/** How often the page and the badge ask again. */
export const PRESENCE_REFRESH_MS = 30_000

export type OnlineQuery = { kind?: "customer" | "visitor"; window_minutes?: number; q?: string; offset: number; limit: number }

export const presenceQueryKeys = {
  all: ["customer-suite", "presence"] as const,
  online: (query: OnlineQuery) => [...presenceQueryKeys.all, "online", query] as const,
  customer: (customerId: string) => [...presenceQueryKeys.all, "customer", customerId] as const,
}

export const useOnline = (query: OnlineQuery) =>
  useQuery({
    queryKey: presenceQueryKeys.online(query),
    queryFn: () => sdk.client.fetch<AdminOnlineResponse>(`/admin/customer-suite/online${toSearch(query)}`),
    placeholderData: keepPreviousData,
    refetchInterval: PRESENCE_REFRESH_MS,
  })

export const useCustomerPresence = (customerId: string) =>
  useQuery({
    queryKey: presenceQueryKeys.customer(customerId),
    queryFn: () => sdk.client.fetch<AdminCustomerPresenceResponse>(`/admin/customers/${customerId}/presence`),
    enabled: !!customerId,
    refetchInterval: PRESENCE_REFRESH_MS,
  })
