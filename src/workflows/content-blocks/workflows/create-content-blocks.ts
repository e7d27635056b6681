import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { createContentBlocksStep } from "../steps/create-content-blocks"
import type { ContentBlockInput } from "../types"

export type CreateContentBlocksWorkflowInput = { content_blocks: ContentBlockInput[] }

export const createContentBlocksWorkflowId = "customer-suite-create-content-blocks"

/** Creates content blocks (HTML cleaned, targets checked). */
export const createContentBlocksWorkflow = createWorkflow(createContentBlocksWorkflowId, (input: CreateContentBlocksWorkflowInput) => {
  return new WorkflowResponse(createContentBlocksStep(input.content_blocks))
})
