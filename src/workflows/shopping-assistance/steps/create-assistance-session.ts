import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import type { StartAssistanceInput } from "../types"
import { assistanceService } from "../utils/assistance-settings"

export const createAssistanceSessionStepId = "customer-suite-create-assistance-session"
/** Stores a pending session with the hash of its one-time code; compensation deletes it. */
export const createAssistanceSessionStep = createStep(
  createAssistanceSessionStepId,
  async (input: StartAssistanceInput & { code_ttl_seconds: number }, { container }) => {
    const session = await assistanceService(container).createAssistanceSessions({
      customer_id: input.customer_id,
      user_id: input.user_id,
      reason: input.reason?.trim() || null,
      code_hash: input.code_hash,
      code_expires_at: new Date(Date.now() + input.code_ttl_seconds * 1000),
    })
    return new StepResponse(session, session.id)
  },
  async (id, { container }) => {
    if (id) {
      await assistanceService(container).deleteAssistanceSessions(id)
    }
  }
)
