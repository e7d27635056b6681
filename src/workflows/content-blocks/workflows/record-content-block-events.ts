import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { recordContentBlockEventsStep, type RecordContentBlockEventsStepInput } from "../steps/record-content-block-events"

export type RecordContentBlockEventsWorkflowInput = RecordContentBlockEventsStepInput

export const recordContentBlockEventsWorkflowId = "customer-suite-record-content-block-events"

/** Counts a storefront's batch of impressions and clicks, once per shopper, block, type and hour. */
export const recordContentBlockEventsWorkflow = createWorkflow(
  recordContentBlockEventsWorkflowId,
  (input: RecordContentBlockEventsWorkflowInput) => {
    return new WorkflowResponse(recordContentBlockEventsStep(input))
  }
)
