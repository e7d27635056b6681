import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { updateContentBlockStep, type UpdateContentBlockStepInput } from "../steps/update-content-block"

export type UpdateContentBlockWorkflowInput = UpdateContentBlockStepInput

export const updateContentBlockWorkflowId = "customer-suite-update-content-block"

/** Updates one content block. */
export const updateContentBlockWorkflow = createWorkflow(updateContentBlockWorkflowId, (input: UpdateContentBlockWorkflowInput) => {
  return new WorkflowResponse(updateContentBlockStep(input))
})
