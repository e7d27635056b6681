import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { GROUP_PRICING_MODULE } from "../../../../../modules/group_pricing"
import type GroupPricingModuleService from "../../../../../modules/group_pricing/service"
import { syncGroupPriceRuleWorkflow } from "../../../../../workflows/group-pricing"

/**
 * POST /admin/group-price-rules/:id/resync: rebuilds the rule's price list
 * from the rule (prices added, changed or removed by hand are put right; a
 * deleted list is recreated). Answers the rule with `sync_summary`.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service = req.scope.resolve<GroupPricingModuleService>(GROUP_PRICING_MODULE)
  const rule = await service.retrieveGroupPriceRule(req.params.id)
  const { result } = await syncGroupPriceRuleWorkflow(req.scope).run({ input: { rule_id: rule.id } })
  res.json({ group_price_rule: result })
}
