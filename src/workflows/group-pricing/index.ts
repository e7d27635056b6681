import {
  acquireLockStep,
  batchPriceListPricesWorkflow,
  createPriceListsWorkflow,
  deletePriceListsWorkflow,
  releaseLockStep,
  updatePriceListsWorkflow,
} from "@medusajs/core-flows"
import { WorkflowResponse, createWorkflow, transform, when } from "@medusajs/framework/workflows-sdk"
import { planGroupPriceSyncStep, type GroupPriceSyncPlan } from "./steps/plan-sync"
import {
  createGroupPriceRuleStep,
  deleteGroupPriceRuleStep,
  recordGroupPriceSyncStep,
  updateGroupPriceRuleStep,
  validateGroupPriceRuleStep,
  type GroupPriceRuleInput,
} from "./steps/rule-steps"

export type { GroupPriceRuleInput } from "./steps/rule-steps"
export { MANAGED_BY } from "./steps/plan-sync"

export const syncGroupPriceRuleWorkflowId = "customer-suite-sync-group-price-rule"
/**
 * Makes a rule's price list match the rule: creates it, corrects its
 * settings, and creates, changes or removes prices (Medusa's price-list
 * workflows, so their compensation applies); removes the list of a rule that
 * ended, was turned off or lost its group. Run twice, the second run writes
 * nothing. One sync per rule at a time (lock).
 */
export const syncGroupPriceRuleWorkflow = createWorkflow(syncGroupPriceRuleWorkflowId, (input: { rule_id: string }) => {
  const lockKey = transform({ input }, ({ input }) => `customer-suite:group-price-rule:${input.rule_id}`)
  acquireLockStep({ key: lockKey, timeout: 60, ttl: 300 })
  const plan = planGroupPriceSyncStep(input)

  const created = when("create-group-price-list", { plan }, ({ plan }) => plan.action === "create").then(() =>
    createPriceListsWorkflow.runAsStep({
      input: transform({ plan }, ({ plan }) => ({ price_lists_data: [plan.create_list as any] })),
    })
  )
  when("update-group-price-list", { plan }, ({ plan }) => plan.action === "update" && !!plan.list_update).then(() => {
    updatePriceListsWorkflow.runAsStep({ input: transform({ plan }, ({ plan }) => ({ price_lists_data: [plan.list_update as any] })) })
  })
  when("change-group-price-list-prices", { plan }, ({ plan }) => plan.action === "update" && plan.has_price_changes).then(() => {
    batchPriceListPricesWorkflow.runAsStep({
      input: transform({ plan }, ({ plan }) => ({
        data: { id: plan.price_list_id!, create: plan.prices.create as any, update: plan.prices.update as any, delete: plan.prices.delete },
      })),
    })
  })
  when("delete-group-price-list", { plan }, ({ plan }) => plan.action === "delete").then(() => {
    deletePriceListsWorkflow.runAsStep({ input: transform({ plan }, ({ plan }) => ({ ids: [plan.price_list_id!] })) })
  })

  const record = transform({ plan, created }, ({ plan, created }: { plan: GroupPriceSyncPlan; created?: { id: string }[] }) => ({
    rule_id: plan.rule_id,
    price_list_id: plan.action === "create" ? (created?.[0]?.id ?? null) : plan.action === "delete" ? null : plan.price_list_id,
    summary: plan.summary,
  }))
  const rule = recordGroupPriceSyncStep(record)
  releaseLockStep({ key: lockKey })
  return new WorkflowResponse(rule)
})

export const createGroupPriceRuleWorkflowId = "customer-suite-create-group-price-rule"
/** Creates a rule and materialises its price list. */
export const createGroupPriceRuleWorkflow = createWorkflow(createGroupPriceRuleWorkflowId, (input: GroupPriceRuleInput) => {
  validateGroupPriceRuleStep({ data: input })
  const rule = createGroupPriceRuleStep(input)
  const synced = syncGroupPriceRuleWorkflow.runAsStep({ input: transform({ rule }, ({ rule }) => ({ rule_id: rule.id })) })
  return new WorkflowResponse(synced)
})

export const updateGroupPriceRuleWorkflowId = "customer-suite-update-group-price-rule"
/** Changes a rule and brings its price list in line. */
export const updateGroupPriceRuleWorkflow = createWorkflow(updateGroupPriceRuleWorkflowId, (input: { id: string; update: GroupPriceRuleInput }) => {
  validateGroupPriceRuleStep(transform({ input }, ({ input }) => ({ id: input.id, data: input.update })))
  updateGroupPriceRuleStep(transform({ input }, ({ input }) => ({ id: input.id, data: input.update })))
  const synced = syncGroupPriceRuleWorkflow.runAsStep({ input: transform({ input }, ({ input }) => ({ rule_id: input.id })) })
  return new WorkflowResponse(synced)
})

export const deleteGroupPriceRuleWorkflowId = "customer-suite-delete-group-price-rule"
/** Deletes a rule and its price list. */
export const deleteGroupPriceRuleWorkflow = createWorkflow(deleteGroupPriceRuleWorkflowId, (input: { id: string }) => {
  deleteGroupPriceRuleStep(input)
  syncGroupPriceRuleWorkflow.runAsStep({ input: transform({ input }, ({ input }) => ({ rule_id: input.id })) })
  return new WorkflowResponse({ id: input.id })
})
