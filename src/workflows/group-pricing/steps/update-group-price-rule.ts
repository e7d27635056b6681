import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import type { GroupPriceRuleInput } from "../types"
import { groupPricingService, replaceGroupPriceRule, toRuleData } from "../utils/group-price-rule-service"

export type UpdateGroupPriceRuleStepInput = { id: string; data: GroupPriceRuleInput }

export const updateGroupPriceRuleStepId = "customer-suite-update-group-price-rule"
/** Changes a rule (JSON fields replaced whole); compensation puts every field back. */
export const updateGroupPriceRuleStep = createStep(
  updateGroupPriceRuleStepId,
  async (input: UpdateGroupPriceRuleStepInput, { container }) => {
    const previous = await groupPricingService(container).retrieveGroupPriceRule(input.id)
    const rule = await replaceGroupPriceRule(container, input.id, toRuleData(input.data))
    return new StepResponse(rule, previous)
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    const { id, created_at: _created, updated_at: _updated, deleted_at: _deleted, ...fields } = previous
    await replaceGroupPriceRule(container, id, fields)
  }
)
