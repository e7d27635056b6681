import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { pruneContentBlockEventsStep } from "../steps/prune-content-block-events"

export type PruneContentBlockEventsWorkflowInput = { before: Date }

export const pruneContentBlockEventsWorkflowId = "customer-suite-prune-content-block-events"

/** Drops the deduplication rows of past hours; answers how many. */
export const pruneContentBlockEventsWorkflow = createWorkflow(
  pruneContentBlockEventsWorkflowId,
  (input: PruneContentBlockEventsWorkflowInput) => new WorkflowResponse(pruneContentBlockEventsStep(input.before))
)
