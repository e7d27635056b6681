import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { CUSTOMER_SUITE_MODULE } from "../../../modules/customer_suite"
import type { ResolvedCustomerSuiteOptions } from "../../../modules/customer_suite/options"
import type CustomerSuiteModuleService from "../../../modules/customer_suite/service"
import { SHOPPING_ASSISTANCE_MODULE } from "../../../modules/shopping_assistance"
import type ShoppingAssistanceModuleService from "../../../modules/shopping_assistance/service"

type Resolver = Pick<MedusaContainer, "resolve">

export const assistanceService = (container: Resolver) => container.resolve<ShoppingAssistanceModuleService>(SHOPPING_ASSISTANCE_MODULE)

/** The assistance settings in force (plugin options with the admin's changes), refusing when turned off. */
export async function assistanceSettings(container: Resolver): Promise<ResolvedCustomerSuiteOptions["assistance"]> {
  const settings = (await container.resolve<CustomerSuiteModuleService>(CUSTOMER_SUITE_MODULE).getResolvedOptions()).assistance
  if (!settings.enabled) {
    throw new MedusaError(MedusaError.Types.FORBIDDEN, "Login as customer is turned off (Settings → Customer suite → Login as customer)")
  }
  return settings
}
