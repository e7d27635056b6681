import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import type { AssistanceSessionRow, EndSessionsInput } from "../types"
import { assistanceService } from "../utils/assistance-settings"

type SessionState = Pick<AssistanceSessionRow, "id" | "status" | "ended_at" | "end_reason" | "ended_by">

export const endAssistanceSessionsStepId = "customer-suite-end-assistance-sessions"
/**
 * Ends sessions (pending or active) with a reason: by ids, or all of a user's
 * or a customer's. Compensation reopens them as they were.
 */
export const endAssistanceSessionsStep = createStep(
  endAssistanceSessionsStepId,
  async (input: EndSessionsInput, { container }) => {
    if (!input.ids && !input.user_id && !input.customer_id) {
      return new StepResponse<SessionState[], SessionState[]>([], [])
    }
    const filters = {
      status: ["pending", "active"],
      ...(input.ids ? { id: input.ids } : {}),
      ...(input.user_id ? { user_id: input.user_id } : {}),
      ...(input.customer_id ? { customer_id: input.customer_id } : {}),
    }
    const open: SessionState[] = await assistanceService(container).listAssistanceSessions(filters, {
      select: ["id", "status", "ended_at", "end_reason", "ended_by"],
    })
    if (!open.length) {
      return new StepResponse<SessionState[], SessionState[]>([], [])
    }
    const now = new Date()
    await assistanceService(container).updateAssistanceSessions(
      open.map((s) => ({ id: s.id, status: "ended" as const, ended_at: now, end_reason: input.reason, ended_by: input.ended_by ?? null }))
    )
    return new StepResponse(open, open)
  },
  async (previous, { container }) => {
    if (previous?.length) {
      await assistanceService(container).updateAssistanceSessions(
        previous.map((s) => ({ id: s.id, status: s.status, ended_at: s.ended_at, end_reason: s.end_reason, ended_by: s.ended_by }))
      )
    }
  }
)
