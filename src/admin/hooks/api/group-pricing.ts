import { keepPreviousData, useQuery, type QueryClient } from "@tanstack/react-query"
import { post, toSearch } from "../../lib/api"
import { sdk } from "../../lib/sdk"
import type { GroupPriceRulePreviewInput } from "../../lib/forms/group-price-rule"
import type {
  AdminCreateGroupPriceRuleBody,
  AdminGroupPricePreviewResponse,
  AdminGroupPriceRuleListParams,
  AdminGroupPriceRuleListResponse,
  AdminGroupPriceRuleResponse,
  AdminUpdateGroupPriceRuleBody,
} from "../../../types/http"
import { customerGroupsQueryKeys, priceListPricesQueryKeys, priceListsQueryKeys } from "./dashboard"
import { useDeleteRecord, useWrite } from "./use-write"

/** Group pricing rules (src/api/admin/group-price-rules). */

const BASE = "/admin/group-price-rules"
/** How many products a preview shows. */
const PREVIEW_PRODUCTS = 5

export const groupPricingQueryKeys = {
  all: ["customer-suite", "group-pricing"] as const,
  lists: () => [...groupPricingQueryKeys.all, "list"] as const,
  list: (query: Record<string, unknown>) => [...groupPricingQueryKeys.lists(), query] as const,
  detail: (id: string) => [...groupPricingQueryKeys.all, "detail", id] as const,
  preview: (id: string) => [...groupPricingQueryKeys.detail(id), "preview"] as const,
  draftPreview: (body: unknown) => [...groupPricingQueryKeys.all, "draft-preview", body] as const,
}

/**
 * After a write: our rule queries (a rule's write resyncs its group's other
 * rules too), and the dashboard's price lists and their prices, which the
 * rules' lists are; creating a list also refetches customer groups there, so
 * we do the same.
 */
export const invalidateGroupPricing = (client: QueryClient) =>
  Promise.all([
    client.invalidateQueries({ queryKey: groupPricingQueryKeys.all }),
    client.invalidateQueries({ queryKey: priceListsQueryKeys.all }),
    client.invalidateQueries({ queryKey: priceListPricesQueryKeys.all }),
    client.invalidateQueries({ queryKey: customerGroupsQueryKeys.all }),
  ])

export const useGroupPriceRules = (query: AdminGroupPriceRuleListParams) =>
  useQuery({
    queryKey: groupPricingQueryKeys.list(query),
    queryFn: () => sdk.client.fetch<AdminGroupPriceRuleListResponse>(`${BASE}${toSearch(query)}`),
    placeholderData: keepPreviousData,
  })

export const useGroupPriceRule = (id: string, options: { retry?: boolean } = {}) =>
  useQuery({
    queryKey: groupPricingQueryKeys.detail(id),
    queryFn: () => sdk.client.fetch<AdminGroupPriceRuleResponse>(`${BASE}/${id}`),
    enabled: !!id,
    ...(options.retry === false ? { retry: false } : {}),
  })

/** The saved rule's prices for the first products in scope. */
export const useRulePreview = (id: string) =>
  useQuery({
    queryKey: groupPricingQueryKeys.preview(id),
    queryFn: () => sdk.client.fetch<AdminGroupPricePreviewResponse>(`${BASE}/${id}/preview?limit=${PREVIEW_PRODUCTS}`),
    enabled: !!id,
  })

/** The prices an unsaved rule would give (nothing is written); `null` while the form has too little to ask. */
export const useDraftPreview = (body: GroupPriceRulePreviewInput | null) =>
  useQuery({
    queryKey: groupPricingQueryKeys.draftPreview(body),
    queryFn: () => post<AdminGroupPricePreviewResponse>(`${BASE}/preview`, { ...body, limit: PREVIEW_PRODUCTS }),
    enabled: body !== null,
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 10_000,
  })

export const useCreateGroupPriceRule = () =>
  useWrite((body: AdminCreateGroupPriceRuleBody) => post<AdminGroupPriceRuleResponse>(BASE, body), invalidateGroupPricing)

export const useUpdateGroupPriceRule = (id: string) =>
  useWrite((body: AdminUpdateGroupPriceRuleBody) => post<AdminGroupPriceRuleResponse>(`${BASE}/${id}`, body), invalidateGroupPricing)

export const useDeleteGroupPriceRule = (id: string) => useDeleteRecord(`${BASE}/${id}`, groupPricingQueryKeys.detail(id), invalidateGroupPricing)

/** Rebuilds the rule's price list from the rule; answers the rule with what the sync wrote. */
export const useResyncGroupPriceRule = (id: string) => useWrite(() => post<AdminGroupPriceRuleResponse>(`${BASE}/${id}/resync`, {}), invalidateGroupPricing)
