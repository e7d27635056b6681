import { WorkflowResponse, createWorkflow, transform } from "@medusajs/framework/workflows-sdk"
import { applyCustomerBulkActionStep } from "../steps/apply-customer-bulk-action"
import { recordCustomerBulkBatchStep } from "../steps/record-customer-bulk-batch"
import type { RunCustomerBulkBatchInput } from "../types"

export const runCustomerBulkBatchWorkflowId = "customer-suite-run-customer-bulk-batch"
/**
 * One batch of a bulk action: the action applied to each customer of the
 * batch (failures recorded per customer, successes kept), then the batch
 * recorded — failures, cursor, counts, renewed lease — under the lease of
 * the instance running it. Answers the action's status after the batch
 * ("canceled": stop), or null when another instance took the action over.
 */
export const runCustomerBulkBatchWorkflow = createWorkflow(runCustomerBulkBatchWorkflowId, (input: RunCustomerBulkBatchInput) => {
  const outcome = applyCustomerBulkActionStep(
    transform({ input }, ({ input }) => ({ action: input.action, params: input.params, user_id: input.user_id, customer_ids: input.customer_ids }))
  )
  const recorded = recordCustomerBulkBatchStep(
    transform({ input, outcome }, ({ input, outcome }) => ({
      bulk_action_id: input.bulk_action_id,
      lease_until: input.lease_until,
      cursor: input.customer_ids[input.customer_ids.length - 1],
      processed: input.customer_ids.length,
      succeeded: outcome.succeeded.length,
      failures: outcome.failures,
    }))
  )
  return new WorkflowResponse(transform({ recorded, outcome }, ({ recorded, outcome }) => (recorded ? { ...recorded, succeeded: outcome.succeeded.length, failed: outcome.failures.length } : null)))
})
