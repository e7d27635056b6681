import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { assistanceService } from "../utils/assistance-settings"

export const recordAssistanceConsentStepId = "customer-suite-record-assistance-consent"
/** The customer's answer, appended to their consent history; compensation removes it. */
export const recordAssistanceConsentStep = createStep(
  recordAssistanceConsentStepId,
  async (input: { customer_id: string; allowed: boolean }, { container }) => {
    const row = await assistanceService(container).createAssistanceConsents({
      customer_id: input.customer_id,
      allowed: input.allowed,
      actor_type: "customer",
      actor_id: input.customer_id,
    })
    return new StepResponse(row, row.id)
  },
  async (id, { container }) => {
    if (id) {
      await assistanceService(container).deleteAssistanceConsents(id)
    }
  }
)
