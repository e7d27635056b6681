import type { z } from "@medusajs/framework/zod"
import type { AdminUpdateSuiteSettings } from "../../api/admin/customer-suite/validators"
import type { CapabilitySettings, CapabilitySettingsById, EffectiveSettings } from "../../modules/customer_suite/capabilities"
import type { CapabilityId } from "../../modules/customer_suite/options"

export type { CapabilityId, CustomerSuiteOptions, ResolvedCustomerSuiteOptions } from "../../modules/customer_suite/options"

/** One capability with its effective settings (plugin options with the admin's changes), typed per capability: `id` tells which. */
export type AdminCapabilitySettings = CapabilitySettings
/** The capability `K` with its settings (what `AdminCapabilitySettings` narrows to once its `id` is known). */
export type AdminCapabilitySettingsOf<K extends CapabilityId> = CapabilitySettingsById[K]
/** Every capability, in the order the admin shows them. */
export type AdminSuiteSettings = EffectiveSettings

/** GET and POST /admin/customer-suite/settings */
export type AdminSuiteSettingsResponse = { settings: AdminSuiteSettings }
/** POST /admin/customer-suite/settings: changes over the plugin options; `reset` puts keys back to the option. */
export type AdminUpdateSuiteSettingsBody = z.input<typeof AdminUpdateSuiteSettings>

/** A customer's purchase facts: amounts per currency, never added across currencies. */
export type AdminCustomerOverview = {
  customer_id: string
  has_account: boolean
  customer_since: string
  orders_count: number
  amount_spent: { currency_code: string; amount: number }[]
  first_order_at: string | null
  last_order_at: string | null
}
/** GET /admin/customer-suite/customers/:id/overview */
export type AdminCustomerOverviewResponse = { overview: AdminCustomerOverview }
