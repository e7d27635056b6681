import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { deleteContentBlocksStep } from "../steps/delete-content-blocks"

export type DeleteContentBlocksWorkflowInput = { ids: string[] }

export const deleteContentBlocksWorkflowId = "customer-suite-delete-content-blocks"

/** Deletes content blocks; their counters stay. */
export const deleteContentBlocksWorkflow = createWorkflow(deleteContentBlocksWorkflowId, (input: DeleteContentBlocksWorkflowInput) => {
  return new WorkflowResponse(deleteContentBlocksStep(input.ids))
})
