import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_SUITE_MODULE } from "../../../modules/customer_suite"
import type CustomerSuiteModuleService from "../../../modules/customer_suite/service"
import { clearAccountLimits, foldEmail, limiterStore, restoreLimits, signInLimiters, type LimitRow } from "../../../modules/customer_activity/sign-in-limits"

export type ClearSignInLocksInput = { email: string | null }

export const clearSignInLocksStepId = "customer-suite-clear-sign-in-locks"

/**
 * Deletes an account's sign-in counters (its own and every client's), so it
 * can sign in at once from anywhere. Compensation puts them back.
 */
export const clearSignInLocksStep = createStep(
  clearSignInLocksStepId,
  async (input: ClearSignInLocksInput, { container }) => {
    const email = foldEmail(input.email)
    if (!email) {
      return new StepResponse({ cleared: 0 }, [] as LimitRow[])
    }
    const activity = (await container.resolve<CustomerSuiteModuleService>(CUSTOMER_SUITE_MODULE).getResolvedOptions()).activity
    const store = limiterStore(container, activity)
    const rows = await clearAccountLimits(store, signInLimiters(store, activity.sign_in), email)
    return new StepResponse({ cleared: rows.length }, rows)
  },
  async (rows, { container }) => {
    if (!rows?.length) {
      return
    }
    const activity = (await container.resolve<CustomerSuiteModuleService>(CUSTOMER_SUITE_MODULE).getResolvedOptions()).activity
    await restoreLimits(limiterStore(container, activity), rows)
  }
)
