import type { InferTypeOf } from "@medusajs/framework/types"
import type AssistanceSession from "../../modules/shopping_assistance/models/assistance-session"

/** A stored assistance session. */
export type AssistanceSessionRow = InferTypeOf<typeof AssistanceSession>
export type AssistanceEndReason = NonNullable<AssistanceSessionRow["end_reason"]>

export type StartAssistanceInput = {
  customer_id: string
  user_id: string
  reason?: string | null
  /** SHA-256 (hex) of the one-time code; the code itself never enters a workflow. */
  code_hash: string
}

export type EndSessionsInput = {
  ids?: string[]
  user_id?: string
  customer_id?: string
  reason: Exclude<AssistanceEndReason, "code_expired">
  ended_by?: string | null
}
