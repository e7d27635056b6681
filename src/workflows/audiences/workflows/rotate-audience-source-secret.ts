import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { rotateAudienceSourceSecretStep, type RotateAudienceSourceSecretStepInput } from "../steps/rotate-audience-source-secret"

export const rotateAudienceSourceSecretWorkflowId = "customer-suite-rotate-audience-source-secret"

/** A new secret for a source (answered once); the old one verifies for the grace period. */
export const rotateAudienceSourceSecretWorkflow = createWorkflow(
  rotateAudienceSourceSecretWorkflowId,
  (input: RotateAudienceSourceSecretStepInput) => new WorkflowResponse(rotateAudienceSourceSecretStep(input))
)
