import { keepPreviousData, useQuery, type QueryClient } from "@tanstack/react-query"
import { post, remove, toSearch, useWrite } from "./api"
import type { AdjustmentType, RuleStatus, ScopeType } from "./group-pricing-model"
import { sdk } from "./sdk"

/** The admin's view of the group pricing API (src/api/admin/group-price-rules). */

export { ADJUSTMENT_TYPES, RULE_STATUSES, SCOPE_TYPES, type AdjustmentType, type RuleStatus, type ScopeType } from "./group-pricing-model"

/** Per currency (lower-case ISO 4217), in the currency's main unit: { eur: 5 }. */
export type Amounts = Record<string, number>

export type PriceTier = { min_quantity: number; percentage?: number | null; amounts?: Amounts | null }

/** What the last sync wrote into the rule's price list. */
export type SyncSummary = {
  variants: number
  prices: number
  created: number
  updated: number
  deleted: number
  list_deleted: boolean
}

export type GroupPriceRule = {
  id: string
  name: string
  customer_group_id: string
  adjustment_type: AdjustmentType
  percentage: number | null
  amounts: Amounts | null
  scope_type: ScopeType
  scope_ids: string[] | null
  tiers: PriceTier[] | null
  priority: number
  starts_at: string | null
  ends_at: string | null
  status: RuleStatus
  price_list_id: string | null
  synced_at: string | null
  sync_summary: SyncSummary | null
  metadata: Record<string, unknown> | null
  created_at: string
  updated_at: string
}

export type GroupPriceRuleInput = {
  name: string
  customer_group_id: string
  adjustment_type: AdjustmentType
  percentage: number | null
  amounts: Amounts | null
  scope_type: ScopeType
  scope_ids: string[] | null
  tiers: PriceTier[] | null
  priority: number
  starts_at: string | null
  ends_at: string | null
  status: RuleStatus
}

/** The rule's fields a preview needs (no group, no window: prices as if in force). */
export type PreviewInput = Pick<GroupPriceRuleInput, "adjustment_type" | "percentage" | "amounts" | "scope_type" | "scope_ids" | "tiers">

export type PreviewPrice = {
  currency_code: string
  /** The base price's rules, e.g. { region_id: "reg_…" }; empty for the currency's plain price. */
  rules: Record<string, string>
  base: number | null
  group: number | null
  tiers: { min_quantity: number; amount: number }[]
}

export type PreviewRow = {
  product_id: string
  product_title: string
  variant_id: string
  variant_title: string | null
  prices: PreviewPrice[]
}

/** `products` and `variants` count everything in scope; `rows` are the first few products' variants. */
export type PricePreview = { products: number; variants: number; rows: PreviewRow[] }

/**
 * A managed price list's `metadata.managed_by` (the sync's MANAGED_BY,
 * src/workflows/group-pricing/steps/plan-sync.ts; not imported: that file
 * pulls the server framework into the admin bundle).
 */
export const MANAGED_BY = "medusa-customer-suite"

export const BASE = "/admin/group-price-rules"
export const PREVIEW_PRODUCTS = 5

export const groupPricingQueryKeys = {
  all: ["customer-suite", "group-pricing"] as const,
  lists: () => [...groupPricingQueryKeys.all, "list"] as const,
  list: (query: Record<string, unknown>) => [...groupPricingQueryKeys.lists(), query] as const,
  detail: (id: string) => [...groupPricingQueryKeys.all, "detail", id] as const,
  preview: (id: string) => [...groupPricingQueryKeys.detail(id), "preview"] as const,
  draftPreview: (body: unknown) => [...groupPricingQueryKeys.all, "draft-preview", body] as const,
  groups: () => [...groupPricingQueryKeys.all, "groups"] as const,
}

/**
 * After a write: our rule queries (a rule's write resyncs its group's other
 * rules too), and the dashboard's price lists and their prices, which the
 * rules' lists are. The dashboard keys its price lists "price-lists" and
 * "price-list-prices" (hooks/api/price-lists); creating a list also
 * refetches customer groups there, so we do the same.
 */
export function invalidateGroupPricing(client: QueryClient) {
  return Promise.all([
    client.invalidateQueries({ queryKey: groupPricingQueryKeys.all }),
    client.invalidateQueries({ queryKey: ["price-lists"] }),
    client.invalidateQueries({ queryKey: ["price-list-prices"] }),
    client.invalidateQueries({ queryKey: ["customer_groups"] }),
  ])
}

export type GroupPriceRuleListQuery = {
  q?: string
  customer_group_id?: string
  status?: RuleStatus
  limit: number
  offset: number
}

export const useGroupPriceRules = (query: GroupPriceRuleListQuery, options: { enabled?: boolean } = {}) =>
  useQuery({
    queryKey: groupPricingQueryKeys.list(query),
    queryFn: () => sdk.client.fetch<{ group_price_rules: GroupPriceRule[]; count: number }>(`${BASE}${toSearch(query)}`),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  })

export const useGroupPriceRule = (id: string, options: { retry?: boolean } = {}) =>
  useQuery({
    queryKey: groupPricingQueryKeys.detail(id),
    queryFn: () => sdk.client.fetch<{ group_price_rule: GroupPriceRule }>(`${BASE}/${id}`),
    enabled: !!id,
    ...(options.retry === false ? { retry: false } : {}),
  })

/** The saved rule's prices for the first products in scope. */
export const useRulePreview = (id: string) =>
  useQuery({
    queryKey: groupPricingQueryKeys.preview(id),
    queryFn: () => sdk.client.fetch<{ preview: PricePreview }>(`${BASE}/${id}/preview?limit=${PREVIEW_PRODUCTS}`),
    enabled: !!id,
  })

/** The prices an unsaved rule would give (nothing is written); `null` while the form has too little to ask. */
export const useDraftPreview = (body: PreviewInput | null) =>
  useQuery({
    queryKey: groupPricingQueryKeys.draftPreview(body),
    queryFn: () =>
      sdk.client.fetch<{ preview: PricePreview }>(`${BASE}/preview`, { method: "POST", body: { ...body, limit: PREVIEW_PRODUCTS } }),
    enabled: body !== null,
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 10_000,
  })

/** Customer groups for the list's filter (the first 100, by name). */
export const useCustomerGroupOptions = () =>
  useQuery({
    queryKey: groupPricingQueryKeys.groups(),
    queryFn: async () => {
      const { customer_groups } = await sdk.admin.customerGroup.list({ limit: 100, fields: "id,name", order: "name" })
      return customer_groups.map((g) => ({ value: g.id, label: g.name ?? g.id }))
    },
    staleTime: 30_000,
  })

type RuleAnswer = { group_price_rule: GroupPriceRule }

export const useCreateGroupPriceRule = () =>
  useWrite((body: GroupPriceRuleInput) => post<RuleAnswer>(BASE, body), invalidateGroupPricing)

export const useUpdateGroupPriceRule = (id: string) =>
  useWrite((body: Partial<GroupPriceRuleInput>) => post<RuleAnswer>(`${BASE}/${id}`, body), invalidateGroupPricing)

export const useDeleteGroupPriceRule = (id: string) =>
  useWrite(
    () => remove(`${BASE}/${id}`),
    (client) => {
      client.removeQueries({ queryKey: groupPricingQueryKeys.detail(id) })
      return invalidateGroupPricing(client)
    }
  )

/** Rebuilds the rule's price list from the rule; answers the rule with what the sync wrote. */
export const useResyncGroupPriceRule = (id: string) =>
  useWrite(() => post<RuleAnswer>(`${BASE}/${id}/resync`, {}), invalidateGroupPricing)
