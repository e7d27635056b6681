import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { AdminGroupPriceRuleListResponse, AdminGroupPriceRuleResponse } from "../../../types/http"
import { createGroupPriceRuleWorkflow } from "../../../workflows/group-pricing"
import { containsPattern } from "../../utils/contains-pattern"
import { refetchGroupPriceRule } from "./helpers"
import { defaultAdminGroupPriceRuleOrder } from "./query-config"
import type { AdminCreateGroupPriceRuleType, AdminGetGroupPriceRulesParamsType } from "./validators"
import { listPage } from "../../utils/list-page"

/** GET /admin/group-price-rules: rules, filtered by group, status and name (`q`), highest priority first. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetGroupPriceRulesParamsType>,
  res: MedusaResponse<AdminGroupPriceRuleListResponse>
) => {
  const { q, ...filters } = req.filterableFields
  const { rows, ...page } = await listPage<AdminGroupPriceRuleListResponse["group_price_rules"][number]>(req, "group_price_rule", { ...filters, ...(typeof q === "string" && q ? { name: { $ilike: containsPattern(q) } } : {}) }, defaultAdminGroupPriceRuleOrder)
  res.json({ group_price_rules: rows, ...page })
}

/**
 * POST /admin/group-price-rules: creates a rule and its price list; the other
 * rules of the group follow in the background (they may lose or win
 * variants: `group_price_rule.created`).
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateGroupPriceRuleType>, res: MedusaResponse<AdminGroupPriceRuleResponse>) => {
  const { result } = await createGroupPriceRuleWorkflow(req.scope).run({ input: req.validatedBody })
  if (!result) {
    throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, "The rule was deleted while it was being created")
  }
  res.json({ group_price_rule: await refetchGroupPriceRule(req.scope, result.id, req.queryConfig.fields) })
}
