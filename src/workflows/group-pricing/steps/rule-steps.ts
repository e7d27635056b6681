import { MedusaError, Modules } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { GROUP_PRICING_MODULE } from "../../../modules/group_pricing"
import type GroupPricingModuleService from "../../../modules/group_pricing/service"
import type { Tier } from "../compute"

export type GroupPriceRuleInput = {
  name?: string
  customer_group_id?: string
  adjustment_type?: "percentage" | "fixed_off" | "fixed_price"
  percentage?: number | null
  amounts?: Record<string, number> | null
  scope_type?: "all" | "products" | "collections" | "categories" | "types"
  scope_ids?: string[] | null
  tiers?: Tier[] | null
  priority?: number
  starts_at?: string | Date | null
  ends_at?: string | Date | null
  status?: "active" | "inactive"
  metadata?: Record<string, unknown> | null
}

const SCOPE_ENTITIES = {
  products: { module: Modules.PRODUCT, method: "listProducts", noun: "product" },
  collections: { module: Modules.PRODUCT, method: "listProductCollections", noun: "collection" },
  categories: { module: Modules.PRODUCT, method: "listProductCategories", noun: "category" },
  types: { module: Modules.PRODUCT, method: "listProductTypes", noun: "product type" },
} as const

export const validateGroupPriceRuleStepId = "customer-suite-validate-group-price-rule"
/**
 * Checks what the request schema cannot: the group and every scoped entity
 * exist, and the merged rule (for updates: stored values plus the changes)
 * is whole. Errors name the field.
 */
export const validateGroupPriceRuleStep = createStep(
  validateGroupPriceRuleStepId,
  async (input: { id?: string; data: GroupPriceRuleInput }, { container }) => {
    const service = container.resolve<GroupPricingModuleService>(GROUP_PRICING_MODULE)
    const stored = input.id ? await service.retrieveGroupPriceRule(input.id) : undefined
    const rule = { ...(stored ?? {}), ...input.data } as GroupPriceRuleInput
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
      const entity = SCOPE_ENTITIES[scope]
      const found = await (container.resolve(entity.module) as any)[entity.method]({ id: ids }, { select: ["id"], take: null })
      const missing = ids.filter((id) => !found.some((f: { id: string }) => f.id === id))
      if (missing.length) {
        throw invalid(`scope_ids: no ${entity.noun} with the id "${missing[0]}"`)
      }
    }
    return new StepResponse(undefined)
  }
)

export const createGroupPriceRuleStepId = "customer-suite-create-group-price-rule"
export const createGroupPriceRuleStep = createStep(
  createGroupPriceRuleStepId,
  async (data: GroupPriceRuleInput, { container }) => {
    const rule = await container.resolve<GroupPricingModuleService>(GROUP_PRICING_MODULE).createGroupPriceRules(data as any)
    return new StepResponse(rule, rule.id)
  },
  async (id, { container }) => {
    if (id) {
      await container.resolve<GroupPricingModuleService>(GROUP_PRICING_MODULE).deleteGroupPriceRules(id)
    }
  }
)

const JSON_FIELDS = ["amounts", "scope_ids", "tiers", "metadata", "sync_summary"] as const
/** An update merges JSON columns; amounts, scope_ids and tiers are replaced whole (cleared, then written). */
async function replaceRule(service: GroupPricingModuleService, id: string, data: Record<string, unknown>) {
  const cleared = Object.fromEntries(JSON_FIELDS.filter((f) => data[f] !== undefined).map((f) => [f, null]))
  if (Object.keys(cleared).length) {
    await service.updateGroupPriceRules({ id, ...cleared } as any)
  }
  return service.updateGroupPriceRules({ id, ...data } as any)
}

export const updateGroupPriceRuleStepId = "customer-suite-update-group-price-rule"
export const updateGroupPriceRuleStep = createStep(
  updateGroupPriceRuleStepId,
  async (input: { id: string; data: GroupPriceRuleInput }, { container }) => {
    const service = container.resolve<GroupPricingModuleService>(GROUP_PRICING_MODULE)
    const previous = await service.retrieveGroupPriceRule(input.id)
    const rule = await replaceRule(service, input.id, input.data)
    return new StepResponse(rule, previous)
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    const { id, created_at: _c, updated_at: _u, deleted_at: _d, ...fields } = previous as any
    await replaceRule(container.resolve<GroupPricingModuleService>(GROUP_PRICING_MODULE), id, fields)
  }
)

export const deleteGroupPriceRuleStepId = "customer-suite-delete-group-price-rule"
export const deleteGroupPriceRuleStep = createStep(
  deleteGroupPriceRuleStepId,
  async (input: { id: string }, { container }) => {
    await container.resolve<GroupPricingModuleService>(GROUP_PRICING_MODULE).softDeleteGroupPriceRules(input.id)
    return new StepResponse(input.id, input.id)
  },
  async (id, { container }) => {
    if (id) {
      await container.resolve<GroupPricingModuleService>(GROUP_PRICING_MODULE).restoreGroupPriceRules(id)
    }
  }
)

export const recordGroupPriceSyncStepId = "customer-suite-record-group-price-sync"
/** Stores the rule's price list and when it was last synced; compensation puts the previous values back. */
export const recordGroupPriceSyncStep = createStep(
  recordGroupPriceSyncStepId,
  async (input: { rule_id: string; price_list_id: string | null; summary: Record<string, unknown> }, { container }) => {
    const service = container.resolve<GroupPricingModuleService>(GROUP_PRICING_MODULE)
    const [previous] = await service.listGroupPriceRules({ id: input.rule_id })
    if (!previous) {
      return new StepResponse(null, null) // the rule was deleted: nothing to record
    }
    const rule = await replaceRule(service, input.rule_id, { price_list_id: input.price_list_id, synced_at: new Date(), sync_summary: input.summary })
    return new StepResponse(rule, previous)
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    await replaceRule(container.resolve<GroupPricingModuleService>(GROUP_PRICING_MODULE), previous.id, {
      price_list_id: previous.price_list_id,
      synced_at: previous.synced_at,
      sync_summary: previous.sync_summary,
    })
  }
)
