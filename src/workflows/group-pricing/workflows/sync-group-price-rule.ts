import {
  acquireLockStep,
  batchPriceListPricesWorkflow,
  createPriceListsWorkflow,
  deletePriceListsWorkflow,
  releaseLockStep,
  updatePriceListsWorkflow,
} from "@medusajs/medusa/core-flows"
import { WorkflowResponse, createWorkflow, transform, when } from "@medusajs/framework/workflows-sdk"
import { planGroupPriceSyncStep, type GroupPriceSyncPlan } from "../steps/plan-group-price-sync"
import { recordGroupPriceSyncStep } from "../steps/record-group-price-sync"

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

  const created = when("customer-suite-create-group-price-list", { plan }, ({ plan }) => plan.action === "create" && !!plan.create_list).then(() =>
    createPriceListsWorkflow.runAsStep({
      input: transform({ plan }, ({ plan }) => ({ price_lists_data: plan.create_list ? [plan.create_list] : [] })),
    })
  )
  when("customer-suite-update-group-price-list", { plan }, ({ plan }) => plan.action === "update" && !!plan.list_update).then(() => {
    updatePriceListsWorkflow.runAsStep({
      input: transform({ plan }, ({ plan }) => ({ price_lists_data: plan.list_update ? [plan.list_update] : [] })),
    })
  })
  when("customer-suite-change-group-price-list-prices", { plan }, ({ plan }) => plan.action === "update" && plan.has_price_changes).then(() => {
    batchPriceListPricesWorkflow.runAsStep({
      input: transform({ plan }, ({ plan }) => ({
        data: { id: plan.price_list_id!, create: plan.prices.create, update: plan.prices.update, delete: plan.prices.delete },
      })),
    })
  })
  when("customer-suite-delete-group-price-list", { plan }, ({ plan }) => plan.action === "delete").then(() => {
    deletePriceListsWorkflow.runAsStep({ input: transform({ plan }, ({ plan }) => ({ ids: plan.price_list_id ? [plan.price_list_id] : [] })) })
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
