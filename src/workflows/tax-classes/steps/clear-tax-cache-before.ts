import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { invalidateTaxClassCache } from "../utils/context-cache"

/**
 * The tax hooks' memo is cleared before a tax-class write, after it, and when
 * it is compensated (the first step's compensation runs last), so this
 * process never taxes with what a write replaced or a rollback undid.
 */
export const clearTaxCacheBeforeStepId = "customer-suite-clear-tax-cache-before"
export const clearTaxCacheBeforeStep = createStep(
  clearTaxCacheBeforeStepId,
  async () => {
    invalidateTaxClassCache()
    return new StepResponse(undefined, true)
  },
  async () => {
    invalidateTaxClassCache()
  }
)
