import type { MedusaContainer } from "@medusajs/framework/types"
import { CUSTOMER_SUITE_MODULE } from "../../modules/customer_suite"
import type CustomerSuiteModuleService from "../../modules/customer_suite/service"
import type { StoreCustomerSuiteConfig } from "../../types/http"

/**
 * The assistance settings a storefront shows (GET /store/customer-suite/config),
 * read at most once per STOREFRONT_SETTINGS_TTL_MS per instance, like the
 * activity settings; the settings route forgets them on a change.
 */
export const STOREFRONT_SETTINGS_TTL_MS = 5_000

type StorefrontAssistance = StoreCustomerSuiteConfig["assistance"]

let memo: { value: Promise<StorefrontAssistance>; until: number } | null = null

export function storefrontAssistanceSettings(container: Pick<MedusaContainer, "resolve">): Promise<StorefrontAssistance> {
  const now = Date.now()
  if (!memo || memo.until <= now) {
    const value = container
      .resolve<CustomerSuiteModuleService>(CUSTOMER_SUITE_MODULE)
      .getResolvedOptions()
      .then(({ assistance }) => ({
        enabled: assistance.enabled,
        consent_required: assistance.consent === "opt_in",
        consent_label: assistance.consent_label,
        consent_help: assistance.consent_help,
      }))
    memo = { value, until: now + STOREFRONT_SETTINGS_TTL_MS }
    // A failed read is not remembered.
    value.catch(() => {
      if (memo?.value === value) {
        memo = null
      }
    })
  }
  return memo.value
}

/** Read them again at the next request (they were changed on this instance). */
export function forgetStorefrontSettings() {
  memo = null
}
