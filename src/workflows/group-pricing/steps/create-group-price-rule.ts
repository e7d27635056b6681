import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import type { GroupPriceRuleInput } from "../types"
import { groupPricingService, toRuleData } from "../utils/group-price-rule-service"

export const createGroupPriceRuleStepId = "customer-suite-create-group-price-rule"
/** Stores a rule (validated before); compensation deletes it. */
export const createGroupPriceRuleStep = createStep(
  createGroupPriceRuleStepId,
  async (data: GroupPriceRuleInput, { container }) => {
    const rule = await groupPricingService(container).createGroupPriceRules(toRuleData(data))
    return new StepResponse(rule, rule.id)
  },
  async (id, { container }) => {
    if (id) {
      await groupPricingService(container).deleteGroupPriceRules(id)
    }
  }
)
