import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { clearTaxCacheAfterStep } from "../steps/clear-tax-cache-after"
import { clearTaxCacheBeforeStep } from "../steps/clear-tax-cache-before"
import { updateTaxClassRateStep, type UpdateTaxClassRateInput } from "../steps/update-tax-class-rate"

export const updateTaxClassRateWorkflowId = "customer-suite-update-tax-class-rate"
/** A matrix row's rate, exemption, code or name (its cell is fixed). */
export const updateTaxClassRateWorkflow = createWorkflow(updateTaxClassRateWorkflowId, (input: UpdateTaxClassRateInput) => {
  clearTaxCacheBeforeStep()
  const result = updateTaxClassRateStep(input)
  clearTaxCacheAfterStep()
  return new WorkflowResponse(result)
})
