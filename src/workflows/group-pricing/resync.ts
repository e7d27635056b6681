import type { MedusaContainer } from "@medusajs/framework/types"
import { GROUP_PRICING_MODULE } from "../../modules/group_pricing"
import type GroupPricingModuleService from "../../modules/group_pricing/service"
import { syncGroupPriceRuleWorkflow } from "./index"

/**
 * Syncs rules one after another (each its own workflow, so one failure leaves
 * the others synced): the given rules, or every rule of the given groups, or
 * every rule. A group's rules compete for variants, so a change to one rule
 * is followed by a resync of its siblings.
 */
export async function resyncGroupPriceRules(
  container: MedusaContainer,
  target: { rule_ids?: string[]; customer_group_ids?: string[]; except_rule_ids?: string[] } = {}
): Promise<{ synced: string[]; failed: { rule_id: string; error: string }[] }> {
  const service = container.resolve<GroupPricingModuleService>(GROUP_PRICING_MODULE)
  const filters = target.rule_ids ? { id: target.rule_ids } : target.customer_group_ids ? { customer_group_id: target.customer_group_ids } : {}
  const rules = await service.listGroupPriceRules(filters, { select: ["id", "priority"], order: { priority: "DESC", created_at: "ASC" }, take: null })
  const synced: string[] = []
  const failed: { rule_id: string; error: string }[] = []
  for (const rule of rules) {
    if (target.except_rule_ids?.includes(rule.id)) {
      continue
    }
    const { errors } = await syncGroupPriceRuleWorkflow(container).run({ input: { rule_id: rule.id }, throwOnError: false })
    if (errors?.length) {
      failed.push({ rule_id: rule.id, error: errors[0].error?.message ?? String(errors[0].error) })
    } else {
      synced.push(rule.id)
    }
  }
  return { synced, failed }
}
