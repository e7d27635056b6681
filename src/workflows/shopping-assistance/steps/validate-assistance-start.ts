import { MedusaError, Modules } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import type { StartAssistanceInput } from "../types"
import { assistanceService, assistanceSettings } from "../utils/assistance-settings"

export const validateAssistanceStartStepId = "customer-suite-validate-assistance-start"
/** Turned on; the customer exists, has an account and (with opt_in) allows assistance; a reason when required. */
export const validateAssistanceStartStep = createStep(validateAssistanceStartStepId, async (input: StartAssistanceInput, { container }) => {
  const settings = await assistanceSettings(container)
  if (settings.require_reason && !input.reason?.trim()) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "reason: say why you log in as this customer (required by the store's settings)")
  }
  const [customer] = await container.resolve(Modules.CUSTOMER).listCustomers({ id: input.customer_id }, { select: ["id", "has_account"] })
  if (!customer) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer with id "${input.customer_id}" was not found`)
  }
  if (!customer.has_account) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This customer has no account (a guest): there is nothing to log in to")
  }
  if (settings.consent === "opt_in") {
    const consent = await assistanceService(container).currentConsent(input.customer_id)
    if (!consent?.allowed) {
      throw new MedusaError(MedusaError.Types.FORBIDDEN, "This customer has not allowed remote assistance (they can allow it in their account)")
    }
  }
  return new StepResponse({ code_ttl_seconds: settings.code_ttl_seconds, storefront_url: settings.storefront_url })
})
