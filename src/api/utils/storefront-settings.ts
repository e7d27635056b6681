import type { MedusaContainer } from "@medusajs/framework/types"
import type { StoreCustomerSuiteConfig } from "../../types/http"
import { forgetSettingsMemo, SETTINGS_MEMO_TTL_MS, settingsInForce } from "./settings-memo"

/**
 * The assistance settings a storefront shows (GET /store/customer-suite/config),
 * from the settings memo like the activity settings; the settings route
 * forgets them on a change.
 */
export const STOREFRONT_SETTINGS_TTL_MS = SETTINGS_MEMO_TTL_MS

type StorefrontAssistance = StoreCustomerSuiteConfig["assistance"]

export function storefrontAssistanceSettings(container: Pick<MedusaContainer, "resolve">): Promise<StorefrontAssistance> {
  return settingsInForce(container).then(({ assistance }) => ({
    enabled: assistance.enabled,
    consent_required: assistance.consent === "opt_in",
    consent_label: assistance.consent_label,
    consent_help: assistance.consent_help,
  }))
}

/** Read them again at the next request (they were changed on this instance). */
export function forgetStorefrontSettings() {
  forgetSettingsMemo()
}
