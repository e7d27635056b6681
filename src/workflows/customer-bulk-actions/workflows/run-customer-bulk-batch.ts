import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { applyCustomerBulkActionStep } from "../steps/apply-customer-bulk-action"
import type { RunCustomerBulkBatchInput } from "../types"

export const runCustomerBulkBatchWorkflowId = "customer-suite-run-customer-bulk-batch"
/**
 * One batch of a bulk action: the action applied to each customer of the
 * batch, each succeeding or failing on its own (what succeeded stays done).
 * Answers which succeeded and which failed and why. The runner then records
 * the batch (failures, cursor, counts, renewed lease) under its lease, tried
 * again on a transient error; it renews the lease while this runs (decision
 * 0037), which is why the record is not a step here: the lease it writes
 * under is only known once the batch is over.
 */
export const runCustomerBulkBatchWorkflow = createWorkflow(runCustomerBulkBatchWorkflowId, (input: RunCustomerBulkBatchInput) => {
  return new WorkflowResponse(applyCustomerBulkActionStep(input))
})
