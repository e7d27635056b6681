import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { updateAudienceSourceStep, type UpdateAudienceSourceStepInput } from "../steps/update-audience-source"

export const updateAudienceSourceWorkflowId = "customer-suite-update-audience-source"

/** Renames an audience source. */
export const updateAudienceSourceWorkflow = createWorkflow(
  updateAudienceSourceWorkflowId,
  (input: UpdateAudienceSourceStepInput) => new WorkflowResponse(updateAudienceSourceStep(input))
)
