import { WorkflowResponse, createWorkflow, transform } from "@medusajs/framework/workflows-sdk"
import { runCustomerSegmentRefreshStep, type RunRefreshStepInput } from "../steps/run-customer-segment-refresh"
import { syncSegmentCustomerGroupStep } from "../steps/sync-segment-customer-group"

export const refreshCustomerSegmentWorkflowId = "customer-suite-refresh-customer-segment"

/**
 * A full refresh of one segment, under a lock, recorded as a refresh run;
 * then its managed customer group (if any) is reconciled with all its members.
 */
export const refreshCustomerSegmentWorkflow = createWorkflow(
  refreshCustomerSegmentWorkflowId,
  (input: RunRefreshStepInput) => {
    const run = runCustomerSegmentRefreshStep(input)
    const group = transform({ run }, ({ run }) => ({ segment_id: run.segment_id }))
    syncSegmentCustomerGroupStep(group)
    return new WorkflowResponse(run)
  }
)
