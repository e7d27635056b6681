import type { AuthenticatedMedusaRequest, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CUSTOMER_SUITE_MODULE } from "../../../../modules/customer_suite"
import type { SettingsOverrides } from "../../../../modules/customer_suite/options"
import type CustomerSuiteModuleService from "../../../../modules/customer_suite/service"
import type { AdminSuiteSettingsResponse } from "../../../../types/http"
import type { AdminUpdateSuiteSettingsType } from "../validators"
import { updateSuiteSettingsWorkflow } from "../../../../workflows/customer-suite"
import { forgetActivitySettings } from "../../../utils/activity-settings"
import { forgetAssistanceSettings } from "../../../utils/assistance-guard"

/**
 * GET /admin/customer-suite/settings
 * The effective plugin configuration: each capability, whether it is enabled
 * and available in this version, and its settings after defaults.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse<AdminSuiteSettingsResponse>) => {
  const suite = req.scope.resolve<CustomerSuiteModuleService>(CUSTOMER_SUITE_MODULE)
  res.json({ settings: await suite.getEffectiveSettings() })
}

/**
 * POST /admin/customer-suite/settings
 * Changes the settings an admin may change (today: `customer_groups.default_group`
 * and `guest_group`, a group id or name, or null for none); `reset` puts keys
 * back to the plugin option. A group that does not exist is a 400 naming the
 * field; nothing is stored then. Existing customers are never moved.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateSuiteSettingsType>, res: MedusaResponse<AdminSuiteSettingsResponse>) => {
  const { customer_groups, assistance, reset } = req.validatedBody
  const changes: SettingsOverrides = {
    ...(customer_groups ? { customer_groups } : {}),
    ...(assistance && Object.keys(assistance).length ? { assistance } : {}),
  }
  await updateSuiteSettingsWorkflow(req.scope).run({ input: { changes, reset: reset ?? [] } })
  // Denied actions apply at once here; other instances read them again within 5 s.
  forgetAssistanceSettings()
  forgetActivitySettings()
  const suite = req.scope.resolve<CustomerSuiteModuleService>(CUSTOMER_SUITE_MODULE)
  res.json({ settings: await suite.getEffectiveSettings() })
}
