import { emitEventStep } from "@medusajs/medusa/core-flows"
import { WorkflowResponse, createWorkflow, transform } from "@medusajs/framework/workflows-sdk"
import { GroupPricingEvents, type GroupPriceRuleEventPayload } from "../../../modules/group_pricing/events"
import { deleteGroupPriceRuleStep } from "../steps/delete-group-price-rule"
import { syncGroupPriceRuleWorkflow } from "./sync-group-price-rule"

export const deleteGroupPriceRuleWorkflowId = "customer-suite-delete-group-price-rule"
/**
 * Deletes a rule and its price list; `group_price_rule.deleted` has a
 * subscriber resync the other rules of its group (they may win its variants).
 */
export const deleteGroupPriceRuleWorkflow = createWorkflow(deleteGroupPriceRuleWorkflowId, (input: { id: string }) => {
  const deleted = deleteGroupPriceRuleStep(input)
  syncGroupPriceRuleWorkflow.runAsStep({ input: transform({ input }, ({ input }) => ({ rule_id: input.id })) })
  const event = transform({ deleted }, ({ deleted }): GroupPriceRuleEventPayload => ({ id: deleted.id, customer_group_ids: [deleted.customer_group_id] }))
  emitEventStep({ eventName: GroupPricingEvents.DELETED, data: event })
  return new WorkflowResponse({ id: input.id })
})
