import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminGroupPriceRuleDeleteResponse, AdminGroupPriceRuleResponse } from "../../../../types/http"
import { deleteGroupPriceRuleWorkflow, updateGroupPriceRuleWorkflow } from "../../../../workflows/group-pricing"
import { refetchGroupPriceRule } from "../helpers"
import type { AdminUpdateGroupPriceRuleType } from "../validators"

/** GET /admin/group-price-rules/:id */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminGroupPriceRuleResponse>) => {
  res.json({ group_price_rule: await refetchGroupPriceRule(req.scope, req.params.id, req.queryConfig.fields) })
}

/**
 * POST /admin/group-price-rules/:id: changes the rule and its list; its
 * group's other rules follow in the background (`group_price_rule.updated`).
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateGroupPriceRuleType>, res: MedusaResponse<AdminGroupPriceRuleResponse>) => {
  await refetchGroupPriceRule(req.scope, req.params.id, ["id"])
  await updateGroupPriceRuleWorkflow(req.scope).run({ input: { id: req.params.id, update: req.validatedBody } })
  res.json({ group_price_rule: await refetchGroupPriceRule(req.scope, req.params.id, req.queryConfig.fields) })
}

/**
 * DELETE /admin/group-price-rules/:id: the rule and its price list go; its
 * group's other rules follow in the background (`group_price_rule.deleted`).
 */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminGroupPriceRuleDeleteResponse>) => {
  await refetchGroupPriceRule(req.scope, req.params.id, ["id"])
  await deleteGroupPriceRuleWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ id: req.params.id, object: "group_price_rule", deleted: true })
}
