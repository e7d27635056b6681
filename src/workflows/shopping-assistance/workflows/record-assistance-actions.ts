import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { createAssistanceActionsStep, type AssistanceActionInput } from "../steps/create-assistance-actions"

export const recordAssistanceActionsWorkflowId = "customer-suite-record-assistance-actions"
/** Writes requests made with assistance tokens to their sessions' action logs. */
export const recordAssistanceActionsWorkflow = createWorkflow(recordAssistanceActionsWorkflowId, (input: { actions: AssistanceActionInput[] }) => {
  return new WorkflowResponse(createAssistanceActionsStep(input.actions))
})
