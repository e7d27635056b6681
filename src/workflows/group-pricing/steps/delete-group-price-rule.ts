import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { groupPricingService } from "../utils/group-price-rule-service"

export const deleteGroupPriceRuleStepId = "customer-suite-delete-group-price-rule"
/** Soft-deletes a rule (restored by compensation); answers its id and group. */
export const deleteGroupPriceRuleStep = createStep(
  deleteGroupPriceRuleStepId,
  async (input: { id: string }, { container }) => {
    const service = groupPricingService(container)
    const rule = await service.retrieveGroupPriceRule(input.id, { select: ["id", "customer_group_id"] })
    await service.softDeleteGroupPriceRules(rule.id)
    return new StepResponse({ id: rule.id, customer_group_id: rule.customer_group_id }, rule.id)
  },
  async (id, { container }) => {
    if (id) {
      await groupPricingService(container).restoreGroupPriceRules(id)
    }
  }
)
