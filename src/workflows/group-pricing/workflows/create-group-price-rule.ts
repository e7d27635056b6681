import { emitEventStep } from "@medusajs/medusa/core-flows"
import { WorkflowResponse, createWorkflow, transform } from "@medusajs/framework/workflows-sdk"
import { GroupPricingEvents, type GroupPriceRuleEventPayload } from "../../../modules/group_pricing/events"
import { createGroupPriceRuleStep } from "../steps/create-group-price-rule"
import { validateGroupPriceRuleStep } from "../steps/validate-group-price-rule"
import type { GroupPriceRuleInput } from "../types"
import { syncGroupPriceRuleWorkflow } from "./sync-group-price-rule"

export const createGroupPriceRuleWorkflowId = "customer-suite-create-group-price-rule"
/**
 * Creates a rule and materialises its price list. The other rules of its
 * group may lose or win variants: `group_price_rule.created` has a
 * subscriber resync them.
 */
export const createGroupPriceRuleWorkflow = createWorkflow(createGroupPriceRuleWorkflowId, (input: GroupPriceRuleInput) => {
  validateGroupPriceRuleStep({ data: input })
  const rule = createGroupPriceRuleStep(input)
  const synced = syncGroupPriceRuleWorkflow.runAsStep({ input: transform({ rule }, ({ rule }) => ({ rule_id: rule.id })) })
  const event = transform({ rule }, ({ rule }): GroupPriceRuleEventPayload => ({ id: rule.id, customer_group_ids: [rule.customer_group_id] }))
  emitEventStep({ eventName: GroupPricingEvents.CREATED, data: event })
  return new WorkflowResponse(synced)
})
