import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminGroupPriceRuleResponse } from "../../../../../types/http"
import { syncGroupPriceRuleWorkflow } from "../../../../../workflows/group-pricing"
import { refetchGroupPriceRule } from "../../helpers"

/**
 * POST /admin/group-price-rules/:id/resync: rebuilds the rule's price list
 * from the rule (prices added, changed or removed by hand are put right; a
 * deleted list is recreated). Answers the rule with `sync_summary`.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminGroupPriceRuleResponse>) => {
  await refetchGroupPriceRule(req.scope, req.params.id, ["id"])
  await syncGroupPriceRuleWorkflow(req.scope).run({ input: { rule_id: req.params.id } })
  res.json({ group_price_rule: await refetchGroupPriceRule(req.scope, req.params.id, req.queryConfig.fields) })
}
