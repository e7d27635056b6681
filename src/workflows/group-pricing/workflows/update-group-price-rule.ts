import { emitEventStep } from "@medusajs/medusa/core-flows"
import { WorkflowResponse, createWorkflow, transform } from "@medusajs/framework/workflows-sdk"
import { GroupPricingEvents, type GroupPriceRuleEventPayload } from "../../../modules/group_pricing/events"
import { updateGroupPriceRuleStep } from "../steps/update-group-price-rule"
import { validateGroupPriceRuleStep } from "../steps/validate-group-price-rule"
import type { GroupPriceRuleInput } from "../types"
import { syncGroupPriceRuleWorkflow } from "./sync-group-price-rule"

export type UpdateGroupPriceRuleWorkflowInput = { id: string; update: GroupPriceRuleInput }

export const updateGroupPriceRuleWorkflowId = "customer-suite-update-group-price-rule"
/**
 * Changes a rule and brings its price list in line; `group_price_rule.updated`
 * (with the group before and after) has a subscriber resync the other rules
 * of those groups.
 */
export const updateGroupPriceRuleWorkflow = createWorkflow(updateGroupPriceRuleWorkflowId, (input: UpdateGroupPriceRuleWorkflowInput) => {
  const checked = validateGroupPriceRuleStep(transform({ input }, ({ input }) => ({ id: input.id, data: input.update })))
  const rule = updateGroupPriceRuleStep(transform({ input }, ({ input }) => ({ id: input.id, data: input.update })))
  const synced = syncGroupPriceRuleWorkflow.runAsStep({ input: transform({ input }, ({ input }) => ({ rule_id: input.id })) })
  const event = transform({ checked, rule }, ({ checked, rule }): GroupPriceRuleEventPayload => ({
    id: rule.id,
    customer_group_ids: [...new Set([checked.previous_customer_group_id, rule.customer_group_id].filter((id): id is string => !!id))],
  }))
  emitEventStep({ eventName: GroupPricingEvents.UPDATED, data: event })
  return new WorkflowResponse(synced)
})
