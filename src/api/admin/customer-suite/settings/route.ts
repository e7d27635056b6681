import type { AuthenticatedMedusaRequest, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CUSTOMER_SUITE_MODULE } from "../../../../modules/customer_suite"
import type { SettingsOverrides } from "../../../../modules/customer_suite/options"
import type CustomerSuiteModuleService from "../../../../modules/customer_suite/service"
import type { AdminSuiteSettingsResponse } from "../../../../types/http"
import { ACTIVITY_GROUPS, type ActivitySettingsPatch, type AdminUpdateSuiteSettingsType } from "../validators"
import { updateSuiteSettingsWorkflow } from "../../../../workflows/customer-suite"
import { forgetActivitySettings } from "../../../utils/activity-settings"
import { forgetAssistanceSettings } from "../../../utils/assistance-guard"
import { forgetStorefrontSettings } from "../../../utils/storefront-settings"

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
 * Changes the settings an admin may change: `customer_groups.default_group`
 * and `guest_group` (a group id or name, or null for none), `assistance.*`,
 * and `activity.*` (sign_in, password_reset, password_policy and presence are
 * groups: keys not sent keep the value in force, and the group is stored
 * whole). `reset` puts keys back to the plugin option ("activity.sign_in": the
 * whole group). A group that does not exist is a 400 naming the field;
 * nothing is stored then. Existing customers are never moved.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateSuiteSettingsType>, res: MedusaResponse<AdminSuiteSettingsResponse>) => {
  const { customer_groups, assistance, activity, reset } = req.validatedBody
  const suite = req.scope.resolve<CustomerSuiteModuleService>(CUSTOMER_SUITE_MODULE)
  const activityChanges = activity && Object.keys(activity).length ? await wholeGroups(suite, activity) : null
  const changes: SettingsOverrides = {
    ...(customer_groups ? { customer_groups } : {}),
    ...(assistance && Object.keys(assistance).length ? { assistance } : {}),
    ...(activityChanges ? { activity: activityChanges } : {}),
  }
  await updateSuiteSettingsWorkflow(req.scope).run({ input: { changes, reset: reset ?? [] } })
  // Denied actions apply at once here; other instances read them again within 5 s.
  forgetAssistanceSettings()
  forgetActivitySettings()
  forgetStorefrontSettings()
  res.json({ settings: await suite.getEffectiveSettings() })
}

/** Each activity group sent in part, completed with the values in force, so the stored group is whole. */
async function wholeGroups(suite: CustomerSuiteModuleService, patch: ActivitySettingsPatch): Promise<NonNullable<SettingsOverrides["activity"]>> {
  const inForce = (await suite.getResolvedOptions()).activity
  const whole: Record<string, unknown> = { ...patch }
  for (const group of ACTIVITY_GROUPS) {
    if (patch[group]) {
      whole[group] = { ...inForce[group], ...patch[group] }
    }
  }
  return whole as NonNullable<SettingsOverrides["activity"]>
}
