import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { assistanceService, assistanceSettings } from "../utils/assistance-settings"

export const exchangeAssistanceCodeStepId = "customer-suite-exchange-assistance-code"
/**
 * The storefront's code, once: a pending session whose code has not expired
 * becomes active until now + the session TTL. Anything else is the same 401.
 */
export const exchangeAssistanceCodeStep = createStep(
  exchangeAssistanceCodeStepId,
  async (input: { code_hash: string }, { container }) => {
    const refused = new MedusaError(MedusaError.Types.UNAUTHORIZED, "This code is not valid: ask for a new one")
    const settings = await assistanceSettings(container).catch(() => {
      throw refused
    })
    const service = assistanceService(container)
    const [session] = await service.listAssistanceSessions({ code_hash: input.code_hash })
    const now = new Date()
    if (!session || session.status !== "pending" || new Date(session.code_expires_at) <= now) {
      throw refused
    }
    if (settings.consent === "opt_in" && !(await service.currentConsent(session.customer_id))?.allowed) {
      throw refused
    }
    const updated = await service.updateAssistanceSessions({
      id: session.id,
      status: "active",
      exchanged_at: now,
      expires_at: new Date(now.getTime() + settings.session_ttl_minutes * 60_000),
    })
    return new StepResponse(updated, session.id)
  },
  async (id, { container }) => {
    if (id) {
      await assistanceService(container).updateAssistanceSessions({ id, status: "pending", exchanged_at: null, expires_at: null })
    }
  }
)
