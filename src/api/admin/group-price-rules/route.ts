import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { GROUP_PRICING_MODULE } from "../../../modules/group_pricing"
import type GroupPricingModuleService from "../../../modules/group_pricing/service"
import { createGroupPriceRuleWorkflow } from "../../../workflows/group-pricing"
import { resyncGroupPriceRules } from "../../../workflows/group-pricing/resync"
import type { AdminCreateGroupPriceRuleType, AdminGetGroupPriceRulesParamsType } from "./validators"
import { containsPattern } from "../../utils/contains-pattern"

/** GET /admin/group-price-rules: rules, filtered by group, status and name (`q`), highest priority first. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetGroupPriceRulesParamsType>, res: MedusaResponse) => {
  const { customer_group_id, status, q, offset, limit } = req.validatedQuery
  const service = req.scope.resolve<GroupPricingModuleService>(GROUP_PRICING_MODULE)
  const filters = {
    ...(customer_group_id ? { customer_group_id } : {}),
    ...(status ? { status } : {}),
    ...(q ? { name: { $ilike: containsPattern(q) } } : {}),
  }
  const [group_price_rules, count] = await service.listAndCountGroupPriceRules(filters, {
    skip: offset,
    take: limit,
    order: { priority: "DESC", created_at: "ASC" },
  })
  res.json({ group_price_rules, count, offset, limit })
}

/**
 * POST /admin/group-price-rules: creates a rule and its price list; the other
 * rules of the group are resynced after (they may lose or win variants).
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateGroupPriceRuleType>, res: MedusaResponse) => {
  const { result } = await createGroupPriceRuleWorkflow(req.scope).run({ input: req.validatedBody })
  const rule = result!
  await resyncGroupPriceRules(req.scope, { customer_group_ids: [rule.customer_group_id], except_rule_ids: [rule.id] })
  res.json({ group_price_rule: rule })
}
