import type { AuthenticatedMedusaRequest, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { CUSTOMER_SUITE_MODULE } from "../../../../modules/customer_suite"
import type { SettingsOverrides } from "../../../../modules/customer_suite/options"
import type CustomerSuiteModuleService from "../../../../modules/customer_suite/service"
import type { AdminUpdateSuiteSettingsType } from "../validators"

/**
 * GET /admin/customer-suite/settings
 * The effective plugin configuration: each capability, whether it is enabled
 * and available in this version, and its settings after defaults.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
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
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateSuiteSettingsType>, res: MedusaResponse) => {
  const { customer_groups, reset } = req.validatedBody
  const customerModule = req.scope.resolve(Modules.CUSTOMER)
  const changes: SettingsOverrides = {}
  if (customer_groups) {
    changes.customer_groups = {}
    for (const key of ["default_group", "guest_group"] as const) {
      const reference = customer_groups[key]
      if (reference === undefined) {
        continue
      }
      if (reference !== null) {
        const [byId] = await customerModule.listCustomerGroups({ id: reference }, { select: ["id"] })
        const found = byId ?? (await customerModule.listCustomerGroups({ name: reference }, { select: ["id"] }))[0]
        if (!found) {
          throw new MedusaError(
            MedusaError.Types.INVALID_DATA,
            `customer_groups.${key}: no customer group with the id or name "${reference}"`
          )
        }
      }
      changes.customer_groups[key] = reference
    }
  }
  for (const path of reset ?? []) {
    const [, key] = path.split(".") as ["customer_groups", "default_group" | "guest_group"]
    if (customer_groups?.[key] !== undefined) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `reset: ${path} is also being set`)
    }
  }
  const suite = req.scope.resolve<CustomerSuiteModuleService>(CUSTOMER_SUITE_MODULE)
  await suite.overrideSettings(changes, reset ?? [])
  res.json({ settings: await suite.getEffectiveSettings() })
}
