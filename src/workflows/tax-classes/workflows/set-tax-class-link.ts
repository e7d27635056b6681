import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { clearTaxCacheAfterStep } from "../steps/clear-tax-cache-after"
import { clearTaxCacheBeforeStep } from "../steps/clear-tax-cache-before"
import { setTaxClassLinkStep, type SetTaxClassLinkInput } from "../steps/set-tax-class-link"

export const setTaxClassLinkWorkflowId = "customer-suite-set-tax-class-link"
/** A customer group's or a product's tax class: set, replace or remove. */
export const setTaxClassLinkWorkflow = createWorkflow(setTaxClassLinkWorkflowId, (input: SetTaxClassLinkInput) => {
  clearTaxCacheBeforeStep()
  const result = setTaxClassLinkStep(input)
  clearTaxCacheAfterStep()
  return new WorkflowResponse(result)
})
