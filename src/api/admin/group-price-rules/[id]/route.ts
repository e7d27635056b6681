import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { GROUP_PRICING_MODULE } from "../../../../modules/group_pricing"
import type GroupPricingModuleService from "../../../../modules/group_pricing/service"
import { deleteGroupPriceRuleWorkflow, updateGroupPriceRuleWorkflow } from "../../../../workflows/group-pricing"
import { resyncGroupPriceRules } from "../../../../workflows/group-pricing/resync"
import type { AdminUpdateGroupPriceRuleType } from "../validators"

/** GET /admin/group-price-rules/:id */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service = req.scope.resolve<GroupPricingModuleService>(GROUP_PRICING_MODULE)
  res.json({ group_price_rule: await service.retrieveGroupPriceRule(req.params.id) })
}

/** POST /admin/group-price-rules/:id: changes the rule, then its list and its group's other rules follow. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateGroupPriceRuleType>, res: MedusaResponse) => {
  const service = req.scope.resolve<GroupPricingModuleService>(GROUP_PRICING_MODULE)
  const before = await service.retrieveGroupPriceRule(req.params.id)
  const { result } = await updateGroupPriceRuleWorkflow(req.scope).run({ input: { id: req.params.id, update: req.validatedBody } })
  const rule = result!
  const groups = [...new Set([before.customer_group_id, rule.customer_group_id])]
  await resyncGroupPriceRules(req.scope, { customer_group_ids: groups, except_rule_ids: [rule.id] })
  res.json({ group_price_rule: rule })
}

/** DELETE /admin/group-price-rules/:id: the rule and its price list go. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service = req.scope.resolve<GroupPricingModuleService>(GROUP_PRICING_MODULE)
  const rule = await service.retrieveGroupPriceRule(req.params.id)
  await deleteGroupPriceRuleWorkflow(req.scope).run({ input: { id: rule.id } })
  await resyncGroupPriceRules(req.scope, { customer_group_ids: [rule.customer_group_id] })
  res.json({ id: rule.id, object: "group_price_rule", deleted: true })
}
