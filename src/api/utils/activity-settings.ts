import type { MedusaContainer } from "@medusajs/framework/types"
import { CUSTOMER_SUITE_MODULE } from "../../modules/customer_suite"
import type { ResolvedCustomerSuiteOptions } from "../../modules/customer_suite/options"
import type CustomerSuiteModuleService from "../../modules/customer_suite/service"

/**
 * The account-security settings in force (plugin options with the settings
 * page's changes), read at most once per SETTINGS_TTL_MS per instance: a
 * change reaches every instance within that time, and this instance at once
 * (the settings route calls `forgetActivitySettings`).
 */
export const ACTIVITY_SETTINGS_TTL_MS = 5_000

export type ActivitySettings = ResolvedCustomerSuiteOptions["activity"]

let memo: { value: Promise<ActivitySettings>; until: number } | null = null

export function activitySettings(container: Pick<MedusaContainer, "resolve">): Promise<ActivitySettings> {
  const now = Date.now()
  if (!memo || memo.until <= now) {
    const value = container
      .resolve<CustomerSuiteModuleService>(CUSTOMER_SUITE_MODULE)
      .getResolvedOptions()
      .then((options) => options.activity)
    memo = { value, until: now + ACTIVITY_SETTINGS_TTL_MS }
    // A failed read is not remembered.
    value.catch(() => {
      if (memo?.value === value) {
        memo = null
      }
    })
  }
  return memo.value
}

/** Read the settings again at the next request (they were changed on this instance). */
export function forgetActivitySettings() {
  memo = null
}
