import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import {
  syncSegmentCustomerGroupStep,
  type SyncSegmentCustomerGroupStepInput,
} from "../steps/sync-segment-customer-group"

export const syncSegmentCustomerGroupWorkflowId = "customer-suite-sync-segment-customer-group"

/** Mirrors a segment's membership changes (or all its members) into its managed customer group. */
export const syncSegmentCustomerGroupWorkflow = createWorkflow(
  syncSegmentCustomerGroupWorkflowId,
  (input: SyncSegmentCustomerGroupStepInput) => new WorkflowResponse(syncSegmentCustomerGroupStep(input))
)
