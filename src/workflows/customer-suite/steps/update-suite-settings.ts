import { MedusaError, Modules } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_SUITE_MODULE } from "../../../modules/customer_suite"
import type { SettingsOverrides } from "../../../modules/customer_suite/options"
import type CustomerSuiteModuleService from "../../../modules/customer_suite/service"

export type UpdateSuiteSettingsInput = {
  /** Validated by the route's schema; group references are checked here. */
  changes: SettingsOverrides
  /** Paths such as "customer_groups.default_group": back to the plugin option. */
  reset?: string[]
}

export const updateSuiteSettingsStepId = "customer-suite-update-settings"
/**
 * Stores the admin's setting changes. A group reference (id or name) must name
 * an existing group. Compensation puts the previous stored changes back.
 */
export const updateSuiteSettingsStep = createStep(
  updateSuiteSettingsStepId,
  async (input: UpdateSuiteSettingsInput, { container }) => {
    const reset = input.reset ?? []
    const groups = input.changes.customer_groups ?? {}
    const customerModule = container.resolve(Modules.CUSTOMER)
    for (const [key, reference] of Object.entries(groups)) {
      if (reference === null || reference === undefined) {
        continue
      }
      const [byId] = await customerModule.listCustomerGroups({ id: reference }, { select: ["id"] })
      const found = byId ?? (await customerModule.listCustomerGroups({ name: reference }, { select: ["id"] }))[0]
      if (!found) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `customer_groups.${key}: no customer group with the id or name "${reference}"`)
      }
    }
    for (const path of reset) {
      const [capability, key] = path.split(".")
      if ((input.changes as Record<string, Record<string, unknown> | undefined>)[capability]?.[key] !== undefined) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `reset: ${path} is also being set`)
      }
    }
    const suite = container.resolve<CustomerSuiteModuleService>(CUSTOMER_SUITE_MODULE)
    const capabilities = [...new Set([...Object.keys(input.changes), ...reset.map((p) => p.split(".")[0])])]
    const previous = await suite.snapshotSettings(capabilities)
    await suite.overrideSettings(input.changes, reset)
    return new StepResponse(undefined, previous)
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    await container.resolve<CustomerSuiteModuleService>(CUSTOMER_SUITE_MODULE).restoreSettings(previous)
  }
)
