import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { cancelCustomerBulkActionStep } from "../steps/cancel-customer-bulk-action"

export const cancelCustomerBulkActionWorkflowId = "customer-suite-cancel-customer-bulk-action"
/** Cancels a queued or running bulk action (the runner stops after its current batch; what was done stays done). */
export const cancelCustomerBulkActionWorkflow = createWorkflow(cancelCustomerBulkActionWorkflowId, (input: { id: string }) => {
  return new WorkflowResponse(cancelCustomerBulkActionStep(input))
})
