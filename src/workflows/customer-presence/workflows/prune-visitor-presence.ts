import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { pruneVisitorPresenceStep, type PruneVisitorPresenceStepInput } from "../steps/prune-visitor-presence"

export type PruneVisitorPresenceWorkflowInput = PruneVisitorPresenceStepInput

export const pruneVisitorPresenceWorkflowId = "customer-suite-prune-visitor-presence"

/** One bounded batch of old visitor rows (the job runs batches until none is left); answers how many went. */
export const pruneVisitorPresenceWorkflow = createWorkflow(
  pruneVisitorPresenceWorkflowId,
  (input: PruneVisitorPresenceWorkflowInput) => new WorkflowResponse(pruneVisitorPresenceStep(input))
)
