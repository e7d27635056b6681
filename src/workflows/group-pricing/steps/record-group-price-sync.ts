import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import type { SyncSummary } from "../../../modules/group_pricing/compute"
import { groupPricingService, replaceGroupPriceRule } from "../utils/group-price-rule-service"

export type RecordGroupPriceSyncInput = { rule_id: string; price_list_id: string | null; summary: SyncSummary }

export const recordGroupPriceSyncStepId = "customer-suite-record-group-price-sync"
/** Stores the rule's price list and when it was last synced; compensation puts the previous values back. */
export const recordGroupPriceSyncStep = createStep(
  recordGroupPriceSyncStepId,
  async (input: RecordGroupPriceSyncInput, { container }) => {
    const [previous] = await groupPricingService(container).listGroupPriceRules({ id: input.rule_id })
    if (!previous) {
      return new StepResponse(null, null) // the rule was deleted: nothing to record
    }
    const rule = await replaceGroupPriceRule(container, input.rule_id, {
      price_list_id: input.price_list_id,
      synced_at: new Date(),
      sync_summary: input.summary,
    })
    return new StepResponse(rule, previous)
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    await replaceGroupPriceRule(container, previous.id, {
      price_list_id: previous.price_list_id,
      synced_at: previous.synced_at,
      sync_summary: previous.sync_summary,
    })
  }
)
