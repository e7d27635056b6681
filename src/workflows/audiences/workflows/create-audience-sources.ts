import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { createAudienceSourcesStep, type CreateAudienceSourcesStepInput } from "../steps/create-audience-sources"

export const createAudienceSourcesWorkflowId = "customer-suite-create-audience-sources"

/** Creates audience sources; answers each one's id and secret (shown once). */
export const createAudienceSourcesWorkflow = createWorkflow(
  createAudienceSourcesWorkflowId,
  (input: { sources: CreateAudienceSourcesStepInput }) => new WorkflowResponse(createAudienceSourcesStep(input.sources))
)
