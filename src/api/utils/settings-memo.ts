import type { MedusaContainer } from "@medusajs/framework/types"
import { CUSTOMER_SUITE_MODULE } from "../../modules/customer_suite"
import type { ResolvedCustomerSuiteOptions } from "../../modules/customer_suite/options"
import type CustomerSuiteModuleService from "../../modules/customer_suite/service"

/**
 * The plugin's settings in force (plugin options with the settings page's
 * changes), read at most once per SETTINGS_MEMO_TTL_MS per instance: a change
 * reaches every instance within that time, and this one at once (the settings
 * route calls `forgetSettingsMemo`). A failed read is not remembered.
 */
export const SETTINGS_MEMO_TTL_MS = 5_000

let memo: { value: Promise<ResolvedCustomerSuiteOptions>; until: number } | null = null

export function settingsInForce(container: Pick<MedusaContainer, "resolve">): Promise<ResolvedCustomerSuiteOptions> {
  const now = Date.now()
  if (!memo || memo.until <= now) {
    const value = container.resolve<CustomerSuiteModuleService>(CUSTOMER_SUITE_MODULE).getResolvedOptions()
    memo = { value, until: now + SETTINGS_MEMO_TTL_MS }
    value.catch(() => {
      if (memo?.value === value) {
        memo = null
      }
    })
  }
  return memo.value
}

/** Read the settings again at the next request (they were changed on this instance). */
export function forgetSettingsMemo() {
  memo = null
}
