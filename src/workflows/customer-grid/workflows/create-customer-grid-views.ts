import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { createCustomerGridViewsStep, type CreateCustomerGridViewInput } from "../steps/create-customer-grid-views"

export type CreateCustomerGridViewsWorkflowInput = { views: CreateCustomerGridViewInput[] }

export const createCustomerGridViewsWorkflowId = "customer-suite-create-customer-grid-views"
/** Saved views of the customers grid, each owned by a staff user (input validated by the route). */
export const createCustomerGridViewsWorkflow = createWorkflow(createCustomerGridViewsWorkflowId, (input: CreateCustomerGridViewsWorkflowInput) => {
  const views = createCustomerGridViewsStep(input.views)
  return new WorkflowResponse(views)
})
