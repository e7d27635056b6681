import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { endAssistanceSessionsStep } from "../steps/end-assistance-sessions"
import type { EndSessionsInput } from "../types"

export const endAssistanceSessionWorkflowId = "customer-suite-end-assistance-session"
/** Ends sessions: one by its id (admin or customer), or every open one of an admin user (deleted user). */
export const endAssistanceSessionWorkflow = createWorkflow(endAssistanceSessionWorkflowId, (input: EndSessionsInput) => {
  return new WorkflowResponse(endAssistanceSessionsStep(input))
})
