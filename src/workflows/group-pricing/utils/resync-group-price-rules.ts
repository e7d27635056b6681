import type { MedusaContainer } from "@medusajs/framework/types"
import { syncGroupPriceRuleWorkflow } from "../workflows/sync-group-price-rule"
import { groupPricingService } from "./group-price-rule-service"

export type ResyncGroupPriceRulesTarget = { rule_ids?: string[]; customer_group_ids?: string[]; except_rule_ids?: string[] }
export type ResyncGroupPriceRulesResult = { synced: string[]; failed: { rule_id: string; error: string }[] }

/**
 * Syncs rules one after another (each its own workflow, so one failure leaves
 * the others synced): the given rules, or every rule of the given groups, or
 * every rule. A group's rules compete for variants, so a change to one rule
 * is followed by a resync of its siblings (the group-pricing-siblings
 * subscriber). Idempotent: a rule already in line writes nothing.
 */
export async function resyncGroupPriceRules(
  container: MedusaContainer,
  target: ResyncGroupPriceRulesTarget = {}
): Promise<ResyncGroupPriceRulesResult> {
  const filters = target.rule_ids ? { id: target.rule_ids } : target.customer_group_ids ? { customer_group_id: target.customer_group_ids } : {}
  const rules = await groupPricingService(container).listGroupPriceRules(filters, {
    select: ["id", "priority"],
    order: { priority: "DESC", created_at: "ASC" },
    take: null,
  })
  const result: ResyncGroupPriceRulesResult = { synced: [], failed: [] }
  for (const rule of rules) {
    if (target.except_rule_ids?.includes(rule.id)) {
      continue
    }
    const { errors } = await syncGroupPriceRuleWorkflow(container).run({ input: { rule_id: rule.id }, throwOnError: false })
    if (errors?.length) {
      result.failed.push({ rule_id: rule.id, error: errors[0].error?.message ?? String(errors[0].error) })
    } else {
      result.synced.push(rule.id)
    }
  }
  return result
}
