import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { markAssistedOrderStep, type MarkAssistedOrderInput } from "../steps/mark-assisted-order"

export const markAssistedOrderWorkflowId = "customer-suite-mark-assisted-order"
/** Marks the order placed from a cart completed with an assistance token (`metadata.assistance`). */
export const markAssistedOrderWorkflow = createWorkflow(markAssistedOrderWorkflowId, (input: MarkAssistedOrderInput) => {
  return new WorkflowResponse(markAssistedOrderStep(input))
})
