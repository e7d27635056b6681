import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CUSTOMER_SUITE_MODULE } from "../../../../modules/customer_suite"
import type CustomerSuiteModuleService from "../../../../modules/customer_suite/service"

/**
 * GET /admin/customer-suite/settings
 * The effective plugin configuration: each capability, whether it is enabled
 * and available in this version, and its settings after defaults.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const suite = req.scope.resolve<CustomerSuiteModuleService>(CUSTOMER_SUITE_MODULE)
  res.json({ settings: suite.getEffectiveSettings() })
}
