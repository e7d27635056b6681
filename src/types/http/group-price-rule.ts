import type { InferTypeOf } from "@medusajs/framework/types"
import type { z } from "@medusajs/framework/zod"
import type {
  AdminCreateGroupPriceRule,
  AdminGetGroupPriceRulesParams,
  AdminGroupPricePreviewParams,
  AdminPreviewGroupPriceRule,
  AdminUpdateGroupPriceRule,
} from "../../api/admin/group-price-rules/validators"
import type GroupPriceRule from "../../modules/group_pricing/models/group-price-rule"
import type { ApiRow, DeleteResponse, PaginatedResponse } from "./common"

export type { Amounts, SyncSummary as GroupPriceSyncSummary, Tier as GroupPriceTier } from "../../modules/group_pricing/compute"

/** A group price rule, with its price list and what its last sync wrote. */
export type AdminGroupPriceRule = ApiRow<InferTypeOf<typeof GroupPriceRule>>

/** GET /admin/group-price-rules */
export type AdminGroupPriceRuleListParams = z.input<typeof AdminGetGroupPriceRulesParams>
/** POST /admin/group-price-rules */
export type AdminCreateGroupPriceRuleBody = z.input<typeof AdminCreateGroupPriceRule>
/** POST /admin/group-price-rules/:id */
export type AdminUpdateGroupPriceRuleBody = z.input<typeof AdminUpdateGroupPriceRule>
/** POST /admin/group-price-rules/preview: an unsaved rule and how many products to show. */
export type AdminPreviewGroupPriceRuleBody = z.input<typeof AdminPreviewGroupPriceRule>
/** GET /admin/group-price-rules/:id/preview */
export type AdminGroupPriceRulePreviewParams = z.input<typeof AdminGroupPricePreviewParams>

export type AdminGroupPriceRuleResponse = { group_price_rule: AdminGroupPriceRule }
export type AdminGroupPriceRuleListResponse = PaginatedResponse<{ group_price_rules: AdminGroupPriceRule[] }>
export type AdminGroupPriceRuleDeleteResponse = DeleteResponse<"group_price_rule">

/** One base price of a variant and what members pay instead. */
export type AdminGroupPricePreviewPrice = {
  currency_code: string
  /** The base price's rules, e.g. { region_id: "reg_…" }; empty for the currency's plain price. */
  rules: Record<string, string>
  base: number | null
  /** null: the rule gives nothing for this price (e.g. no amount in its currency). */
  group: number | null
  tiers: { min_quantity: number; amount: number }[]
}

export type AdminGroupPricePreviewRow = {
  product_id: string
  product_title: string
  variant_id: string
  variant_title: string | null
  prices: AdminGroupPricePreviewPrice[]
}

/** `products` and `variants` count everything in scope; `rows` are the first few products' variants. */
export type AdminGroupPricePreview = { products: number; variants: number; rows: AdminGroupPricePreviewRow[] }

/** GET /admin/group-price-rules/:id/preview and POST /admin/group-price-rules/preview */
export type AdminGroupPricePreviewResponse = { preview: AdminGroupPricePreview }
