import type { InferTypeOf } from "@medusajs/framework/types"
import type GroupPriceRule from "../../modules/group_pricing/models/group-price-rule"

/** A stored group price rule. */
export type GroupPriceRuleRow = InferTypeOf<typeof GroupPriceRule>

/** The fields of a rule a merchant sets (dates as ISO 8601 strings or Dates). */
export type GroupPriceRuleInput = Partial<
  Pick<
    GroupPriceRuleRow,
    "name" | "customer_group_id" | "adjustment_type" | "percentage" | "amounts" | "scope_type" | "scope_ids" | "tiers" | "priority" | "status" | "metadata"
  >
> & {
  starts_at?: string | Date | null
  ends_at?: string | Date | null
}
