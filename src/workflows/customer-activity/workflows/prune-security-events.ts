import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { pruneSecurityEventsStep, type PruneSecurityEventsInput } from "../steps/prune-security-events"

export const pruneSecurityEventsWorkflowId = "customer-suite-prune-security-log"
/** Drops the security log rows older than `before`, in bounded batches. */
export const pruneSecurityEventsWorkflow = createWorkflow(pruneSecurityEventsWorkflowId, (input: PruneSecurityEventsInput) => {
  return new WorkflowResponse(pruneSecurityEventsStep(input))
})
