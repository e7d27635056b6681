/**
 * The group pricing API as the admin reads it (src/api/admin/group-price-rules):
 * the admin's own types until they come from src/types/http.
 */

export const ADJUSTMENT_TYPES = ["percentage", "fixed_off", "fixed_price"] as const
export type AdjustmentType = (typeof ADJUSTMENT_TYPES)[number]

export const SCOPE_TYPES = ["all", "products", "collections", "categories", "types"] as const
export type ScopeType = (typeof SCOPE_TYPES)[number]

export const RULE_STATUSES = ["active", "inactive"] as const
export type RuleStatus = (typeof RULE_STATUSES)[number]

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

export type GroupPriceRule = GroupPriceRuleInput & {
  id: string
  price_list_id: string | null
  synced_at: string | null
  sync_summary: SyncSummary | null
  metadata: Record<string, unknown> | null
  created_at: string
  updated_at: string
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

export type GroupPriceRuleListQuery = {
  q?: string
  customer_group_id?: string
  status?: RuleStatus
  limit: number
  offset: number
}
