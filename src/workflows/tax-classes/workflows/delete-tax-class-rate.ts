import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { clearTaxCacheAfterStep } from "../steps/clear-tax-cache-after"
import { clearTaxCacheBeforeStep } from "../steps/clear-tax-cache-before"
import { deleteTaxClassRateStep } from "../steps/delete-tax-class-rate"

export const deleteTaxClassRateWorkflowId = "customer-suite-delete-tax-class-rate"
/** Deletes a matrix row. */
export const deleteTaxClassRateWorkflow = createWorkflow(deleteTaxClassRateWorkflowId, (input: { id: string }) => {
  clearTaxCacheBeforeStep()
  const result = deleteTaxClassRateStep(input)
  clearTaxCacheAfterStep()
  return new WorkflowResponse(result)
})
