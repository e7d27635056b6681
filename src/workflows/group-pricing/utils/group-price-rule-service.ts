import type { MedusaContainer } from "@medusajs/framework/types"
import { GROUP_PRICING_MODULE } from "../../../modules/group_pricing"
import type GroupPricingModuleService from "../../../modules/group_pricing/service"
import type { GroupPriceRuleInput, GroupPriceRuleRow } from "../types"

type Resolver = Pick<MedusaContainer, "resolve">

export const groupPricingService = (container: Resolver) => container.resolve<GroupPricingModuleService>(GROUP_PRICING_MODULE)

/** What a write stores: the merchant's fields (dates as Dates) and the sync's bookkeeping. */
export type GroupPriceRuleData = Omit<GroupPriceRuleInput, "starts_at" | "ends_at"> &
  Partial<Pick<GroupPriceRuleRow, "starts_at" | "ends_at" | "price_list_id" | "synced_at" | "sync_summary">>

const toDate = (value: string | Date | null | undefined) => (value === null || value === undefined ? value : new Date(value))

/** A rule's input as stored: ISO strings become Dates. */
export const toRuleData = ({ starts_at, ends_at, ...rest }: GroupPriceRuleInput): GroupPriceRuleData => ({
  ...rest,
  ...(starts_at !== undefined ? { starts_at: toDate(starts_at) } : {}),
  ...(ends_at !== undefined ? { ends_at: toDate(ends_at) } : {}),
})

const JSON_FIELDS = ["amounts", "scope_ids", "tiers", "metadata", "sync_summary"] as const

/** An update merges JSON columns; amounts, scope_ids, tiers, metadata and sync_summary are replaced whole (cleared, then written). */
export async function replaceGroupPriceRule(container: Resolver, id: string, data: GroupPriceRuleData): Promise<GroupPriceRuleRow> {
  const service = groupPricingService(container)
  const cleared = Object.fromEntries(JSON_FIELDS.filter((f) => data[f] !== undefined).map((f) => [f, null]))
  if (Object.keys(cleared).length) {
    await service.updateGroupPriceRules({ id, ...cleared })
  }
  return service.updateGroupPriceRules({ id, ...data })
}
