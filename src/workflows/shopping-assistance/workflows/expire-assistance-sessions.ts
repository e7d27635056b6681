import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { expireAssistanceSessionsStep } from "../steps/expire-assistance-sessions"

export const expireAssistanceSessionsWorkflowId = "customer-suite-expire-assistance-sessions"
/** Ends the sessions whose time is up (the guard and the API already treat them as ended). */
export const expireAssistanceSessionsWorkflow = createWorkflow(expireAssistanceSessionsWorkflowId, (input: { now: Date | string }) => {
  return new WorkflowResponse(expireAssistanceSessionsStep(input))
})
