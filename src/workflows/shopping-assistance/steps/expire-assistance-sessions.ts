import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import type { AssistanceSessionRow } from "../types"
import { assistanceService } from "../utils/assistance-settings"

type SessionState = Pick<AssistanceSessionRow, "id" | "status" | "ended_at" | "end_reason">

/** At most this many sessions of each kind per run (the job runs every minute). */
const BATCH = 1000

export const expireAssistanceSessionsStepId = "customer-suite-expire-assistance-sessions"
/**
 * Writes down what time already decided: active sessions past `expires_at`
 * end as "expired" (at that time), pending ones past their code's expiry as
 * "code_expired". Compensation reopens them as they were.
 */
export const expireAssistanceSessionsStep = createStep(
  expireAssistanceSessionsStepId,
  async (input: { now: Date | string }, { container }) => {
    const service = assistanceService(container)
    const now = new Date(input.now)
    const select = ["id", "status", "ended_at", "end_reason", "expires_at", "code_expires_at"]
    const [active, pending] = await Promise.all([
      service.listAssistanceSessions({ status: "active", expires_at: { $lte: now } }, { select, take: BATCH }),
      service.listAssistanceSessions({ status: "pending", code_expires_at: { $lte: now } }, { select, take: BATCH }),
    ])
    const updates = [
      ...active.map((s) => ({ id: s.id, status: "ended" as const, end_reason: "expired" as const, ended_at: s.expires_at })),
      ...pending.map((s) => ({ id: s.id, status: "ended" as const, end_reason: "code_expired" as const, ended_at: s.code_expires_at })),
    ]
    const previous: SessionState[] = [...active, ...pending].map((s) => ({ id: s.id, status: s.status, ended_at: s.ended_at, end_reason: s.end_reason }))
    if (updates.length) {
      await service.updateAssistanceSessions(updates)
    }
    return new StepResponse(
      updates.map((u) => u.id),
      previous
    )
  },
  async (previous, { container }) => {
    if (previous?.length) {
      await assistanceService(container).updateAssistanceSessions(previous)
    }
  }
)
