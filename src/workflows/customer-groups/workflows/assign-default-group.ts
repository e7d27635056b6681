import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { assignDefaultGroupStep, type AssignDefaultGroupInput } from "../steps/assign-default-group"

/** New customers join the default group (registered) or the guest group (guests), once. */
export const assignDefaultGroupWorkflowId = "customer-suite-assign-default-group"

export const assignDefaultGroupWorkflow = createWorkflow(
  assignDefaultGroupWorkflowId,
  (input: AssignDefaultGroupInput) => new WorkflowResponse(assignDefaultGroupStep(input))
)
