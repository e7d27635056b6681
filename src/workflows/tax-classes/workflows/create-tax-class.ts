import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { clearTaxCacheAfterStep } from "../steps/clear-tax-cache-after"
import { clearTaxCacheBeforeStep } from "../steps/clear-tax-cache-before"
import { createTaxClassStep, type CreateTaxClassInput } from "../steps/create-tax-class"

export const createTaxClassWorkflowId = "customer-suite-create-tax-class"
/** A customer or product tax class; `is_default` replaces the type's default (input validated by the route). */
export const createTaxClassWorkflow = createWorkflow(createTaxClassWorkflowId, (input: CreateTaxClassInput) => {
  clearTaxCacheBeforeStep()
  const result = createTaxClassStep(input)
  clearTaxCacheAfterStep()
  return new WorkflowResponse(result)
})
