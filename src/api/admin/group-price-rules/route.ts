import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { AdminGroupPriceRuleListResponse, AdminGroupPriceRuleResponse } from "../../../types/http"
import { createGroupPriceRuleWorkflow } from "../../../workflows/group-pricing"
import { containsPattern } from "../../utils/contains-pattern"
import { refetchGroupPriceRule } from "./helpers"
import { defaultAdminGroupPriceRuleOrder } from "./query-config"
import type { AdminCreateGroupPriceRuleType, AdminGetGroupPriceRulesParamsType } from "./validators"

/** GET /admin/group-price-rules: rules, filtered by group, status and name (`q`), highest priority first. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetGroupPriceRulesParamsType>,
  res: MedusaResponse<AdminGroupPriceRuleListResponse>
) => {
  const { q, ...filters } = req.filterableFields
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "group_price_rule",
    fields: req.queryConfig.fields,
    filters: { ...filters, ...(typeof q === "string" && q ? { name: { $ilike: containsPattern(q) } } : {}) },
    pagination: { ...req.queryConfig.pagination, order: req.queryConfig.pagination?.order ?? defaultAdminGroupPriceRuleOrder },
  })
  res.json({
    group_price_rules: data,
    count: metadata?.count ?? data.length,
    offset: metadata?.skip ?? 0,
    limit: metadata?.take ?? data.length,
  })
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
