import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { syncAudienceCustomerGroupStep, type SyncAudienceCustomerGroupStepInput } from "../steps/sync-audience-customer-group"

export const syncAudienceCustomerGroupWorkflowId = "customer-suite-sync-audience-customer-group"

/** Mirrors an audience's membership changes (or all its members) into its managed customer group. */
export const syncAudienceCustomerGroupWorkflow = createWorkflow(
  syncAudienceCustomerGroupWorkflowId,
  (input: SyncAudienceCustomerGroupStepInput) => new WorkflowResponse(syncAudienceCustomerGroupStep(input))
)
