import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import type { GroupPriceRuleInput } from "../types"
import { groupPricingService } from "../utils/group-price-rule-service"

type ScopeType = Exclude<NonNullable<GroupPriceRuleInput["scope_type"]>, "all">

const NOUNS: Record<ScopeType, string> = { products: "product", collections: "collection", categories: "category", types: "product type" }

/** The ids among `ids` that name an existing entity of the scope's type. */
async function existingIds(container: Pick<MedusaContainer, "resolve">, scope: ScopeType, ids: string[]): Promise<Set<string>> {
  const products = container.resolve(Modules.PRODUCT)
  const config = { select: ["id"], take: null }
  const found: { id: string }[] =
    scope === "products"
      ? await products.listProducts({ id: ids }, config)
      : scope === "collections"
        ? await products.listProductCollections({ id: ids }, config)
        : scope === "categories"
          ? await products.listProductCategories({ id: ids }, config)
          : await products.listProductTypes({ id: ids }, config)
  return new Set(found.map((f) => f.id))
}

export type ValidateGroupPriceRuleInput = { id?: string; data: GroupPriceRuleInput }

export const validateGroupPriceRuleStepId = "customer-suite-validate-group-price-rule"
/**
 * Checks what the request schema cannot: the group and every scoped entity
 * exist, and the merged rule (for updates: stored values plus the changes)
 * is whole. Errors name the field. Answers the rule's group before the
 * change (null for a new rule).
 */
export const validateGroupPriceRuleStep = createStep(
  validateGroupPriceRuleStepId,
  async (input: ValidateGroupPriceRuleInput, { container }) => {
    const stored = input.id ? await groupPricingService(container).retrieveGroupPriceRule(input.id) : undefined
    const rule: GroupPriceRuleInput = { ...(stored ?? {}), ...input.data }
    const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)
    if (input.data.customer_group_id !== undefined) {
      const [group] = await container.resolve(Modules.CUSTOMER).listCustomerGroups({ id: input.data.customer_group_id }, { select: ["id"] })
      if (!group) {
        throw invalid(`customer_group_id: no customer group with the id "${input.data.customer_group_id}"`)
      }
    }
    if (rule.adjustment_type === "percentage" && (rule.percentage === null || rule.percentage === undefined)) {
      throw invalid("percentage: required for a percentage adjustment (1 to 100)")
    }
    if (rule.adjustment_type !== "percentage" && !Object.keys(rule.amounts ?? {}).length) {
      throw invalid(`amounts: required for a ${rule.adjustment_type} adjustment, per currency, e.g. { "eur": 5 }`)
    }
    for (const [i, tier] of (rule.tiers ?? []).entries()) {
      if (rule.adjustment_type === "percentage" ? tier.percentage == null : !Object.keys(tier.amounts ?? {}).length) {
        throw invalid(`tiers.${i}: give ${rule.adjustment_type === "percentage" ? "a percentage" : "amounts"}, like the rule's adjustment`)
      }
    }
    if (rule.starts_at && rule.ends_at && new Date(rule.starts_at) >= new Date(rule.ends_at)) {
      throw invalid("ends_at: must be after starts_at")
    }
    const scope = rule.scope_type ?? "all"
    if (scope !== "all") {
      const ids = rule.scope_ids ?? []
      if (!ids.length) {
        throw invalid(`scope_ids: list the ${scope} this rule applies to`)
      }
      const found = await existingIds(container, scope, ids)
      const missing = ids.filter((id) => !found.has(id))
      if (missing.length) {
        throw invalid(`scope_ids: no ${NOUNS[scope]} with the id "${missing[0]}"`)
      }
    }
    return new StepResponse({ previous_customer_group_id: stored?.customer_group_id ?? null })
  }
)
