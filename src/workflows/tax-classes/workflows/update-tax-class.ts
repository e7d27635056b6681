import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { clearTaxCacheAfterStep } from "../steps/clear-tax-cache-after"
import { clearTaxCacheBeforeStep } from "../steps/clear-tax-cache-before"
import { updateTaxClassStep, type UpdateTaxClassInput } from "../steps/update-tax-class"

export const updateTaxClassWorkflowId = "customer-suite-update-tax-class"
/** Everything of a tax class but its type. */
export const updateTaxClassWorkflow = createWorkflow(updateTaxClassWorkflowId, (input: UpdateTaxClassInput) => {
  clearTaxCacheBeforeStep()
  const result = updateTaxClassStep(input)
  clearTaxCacheAfterStep()
  return new WorkflowResponse(result)
})
