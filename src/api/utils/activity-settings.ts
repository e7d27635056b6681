import type { MedusaContainer } from "@medusajs/framework/types"
import type { ResolvedCustomerSuiteOptions } from "../../modules/customer_suite/options"
import { forgetSettingsMemo, SETTINGS_MEMO_TTL_MS, settingsInForce } from "./settings-memo"

/**
 * The account-security settings in force (plugin options with the settings
 * page's changes), from the settings memo: a change reaches every instance
 * within ACTIVITY_SETTINGS_TTL_MS, and this instance at once (the settings
 * route calls `forgetActivitySettings`).
 */
export const ACTIVITY_SETTINGS_TTL_MS = SETTINGS_MEMO_TTL_MS

export type ActivitySettings = ResolvedCustomerSuiteOptions["activity"]

export function activitySettings(container: Pick<MedusaContainer, "resolve">): Promise<ActivitySettings> {
  return settingsInForce(container).then((options) => options.activity)
}

/** Read the settings again at the next request (they were changed on this instance). */
export function forgetActivitySettings() {
  forgetSettingsMemo()
}
