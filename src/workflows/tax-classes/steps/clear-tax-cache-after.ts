import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { invalidateTaxClassCache } from "../utils/context-cache"

/** Clears the tax hooks' memo once a tax-class write is done (see clearTaxCacheBeforeStep). */
export const clearTaxCacheAfterStepId = "customer-suite-clear-tax-cache-after"
export const clearTaxCacheAfterStep = createStep(clearTaxCacheAfterStepId, async () => {
  invalidateTaxClassCache()
  return new StepResponse(undefined)
})
