import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { cancelCustomerFactsBackfillStep } from "../steps/cancel-customer-facts-backfill"

export const cancelCustomerFactsBackfillWorkflowId = "customer-suite-cancel-customer-facts-backfill"

/** Cancels a queued or running facts backfill (409 once it succeeded or failed). */
export const cancelCustomerFactsBackfillWorkflow = createWorkflow(cancelCustomerFactsBackfillWorkflowId, (input: { id: string }) => {
  return new WorkflowResponse(cancelCustomerFactsBackfillStep(input))
})
