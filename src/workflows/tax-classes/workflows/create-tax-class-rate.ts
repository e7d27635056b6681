import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { clearTaxCacheAfterStep } from "../steps/clear-tax-cache-after"
import { clearTaxCacheBeforeStep } from "../steps/clear-tax-cache-before"
import { createTaxClassRateStep, type TaxClassRateInput } from "../steps/create-tax-class-rate"

export const createTaxClassRateWorkflowId = "customer-suite-create-tax-class-rate"
/** One row of the rate matrix: a rate 0–100, or exempt (input validated by the route). */
export const createTaxClassRateWorkflow = createWorkflow(createTaxClassRateWorkflowId, (input: TaxClassRateInput) => {
  clearTaxCacheBeforeStep()
  const result = createTaxClassRateStep(input)
  clearTaxCacheAfterStep()
  return new WorkflowResponse(result)
})
