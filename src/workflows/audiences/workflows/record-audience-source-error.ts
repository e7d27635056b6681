import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { recordAudienceSourceErrorStep, type RecordAudienceSourceErrorStepInput } from "../steps/record-audience-source-error"

export const recordAudienceSourceErrorWorkflowId = "customer-suite-record-audience-source-error"

/** Notes on a source why its last signed batch was refused (the admin shows it). */
export const recordAudienceSourceErrorWorkflow = createWorkflow(
  recordAudienceSourceErrorWorkflowId,
  (input: RecordAudienceSourceErrorStepInput) => new WorkflowResponse(recordAudienceSourceErrorStep(input))
)
