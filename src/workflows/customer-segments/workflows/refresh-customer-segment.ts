import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { runCustomerSegmentRefreshStep, type RunRefreshStepInput } from "../steps/refresh-customer-segment"

export const refreshCustomerSegmentWorkflowId = "refresh-customer-segment"

/** A full refresh of one segment, under a lock, recorded as a refresh run. */
export const refreshCustomerSegmentWorkflow = createWorkflow(
  refreshCustomerSegmentWorkflowId,
  (input: RunRefreshStepInput) => new WorkflowResponse(runCustomerSegmentRefreshStep(input))
)
