import type { InferTypeOf } from "@medusajs/framework/types"
import type { z } from "@medusajs/framework/zod"
import type { AdminGetAssistanceSessionsParams, AdminStartAssistanceSession } from "../../api/admin/assistance-sessions/validators"
import type { StoreAssistanceConsent, StoreExchangeAssistanceCode } from "../../api/store/assistance-sessions/validators"
import type AssistanceAction from "../../modules/shopping_assistance/models/assistance-action"
import type AssistanceSession from "../../modules/shopping_assistance/models/assistance-session"
import type { ApiRow, PaginatedResponse } from "./common"

type SessionRow = InferTypeOf<typeof AssistanceSession>

/**
 * A login-as-customer session as the API shows it: never its code hash, and
 * with the time limits applied (an active session past `expires_at` shows as
 * ended, "expired"; a pending one past its code's expiry as ended, "code_expired").
 */
export type AdminAssistanceSession = ApiRow<Omit<SessionRow, "code_hash">>
export type AdminAssistanceSessionStatus = AdminAssistanceSession["status"]
export type AdminAssistanceEndReason = NonNullable<AdminAssistanceSession["end_reason"]>

/** The admin user of a session (a deleted user keeps their name). */
export type AdminAssistanceUser = { id: string; email: string; first_name: string | null; last_name: string | null }

/** A request made with the session's token that changed something (or was refused: outcome "denied"). */
export type AdminAssistanceAction = ApiRow<InferTypeOf<typeof AssistanceAction>>

/** GET /admin/assistance-sessions (and /export, as CSV) */
export type AdminAssistanceSessionListParams = z.input<typeof AdminGetAssistanceSessionsParams>
export type AdminAssistanceSessionListItem = AdminAssistanceSession & {
  /** null: the admin's account is gone. */
  user: AdminAssistanceUser | null
  actions_count: number
}
export type AdminAssistanceSessionListResponse = PaginatedResponse<{ assistance_sessions: AdminAssistanceSessionListItem[] }>

/** GET /admin/assistance-sessions/:id: the session, its admin and its action log (oldest first). */
export type AdminAssistanceSessionDetail = AdminAssistanceSession & { user: AdminAssistanceUser | null; actions: AdminAssistanceAction[] }
export type AdminAssistanceSessionDetailResponse = { assistance_session: AdminAssistanceSessionDetail }

/** POST /admin/assistance-sessions/:id/end */
export type AdminAssistanceSessionResponse = { assistance_session: AdminAssistanceSession }

/** POST /admin/customers/:id/assistance-sessions */
export type AdminStartAssistanceSessionBody = z.input<typeof AdminStartAssistanceSession>
export type AdminStartAssistanceSessionResponse = {
  assistance_session: AdminAssistanceSession
  /** The one-time code: shown once, stored only as a hash. */
  code: string
  code_expires_at: string
  /** The storefront link with the code, or null when no storefront URL is set. */
  link: string | null
}

/** A customer's current answer ("never answered": allowed false, updated_at null). */
export type AssistanceConsentState = { allowed: boolean; updated_at: string | null }

/** GET /admin/customers/:id/assistance-consent: the answer and its last 20 changes, newest first. */
export type AdminAssistanceConsentResponse = {
  assistance_consent: AssistanceConsentState
  history: { allowed: boolean; actor_type: string; actor_id: string; created_at: string }[]
}

/** GET and POST /store/customers/me/assistance-consent */
export type StoreAssistanceConsentBody = z.input<typeof StoreAssistanceConsent>
export type StoreAssistanceConsentResponse = { assistance_consent: AssistanceConsentState }

/** POST /store/assistance-sessions/exchange: the one-time code for a customer token lasting as long as the session. */
export type StoreExchangeAssistanceCodeBody = z.input<typeof StoreExchangeAssistanceCode>
export type StoreExchangeAssistanceCodeResponse = {
  token: string
  expires_at: string
  assistance_session: { id: string; customer_id: string; email: string | null }
}

/** GET /store/assistance-sessions/current: for the storefront's banner; null without an assistance token. */
export type StoreCurrentAssistanceSession = {
  id: string
  status: AdminAssistanceSessionStatus
  started_at: string | null
  expires_at: string | null
  assisted_by: { first_name: string | null; last_name: string | null; email: string } | null
}
export type StoreCurrentAssistanceSessionResponse = { assistance_session: StoreCurrentAssistanceSession | null }

/** POST /store/assistance-sessions/current/end: the ids of the sessions ended. */
export type StoreEndAssistanceSessionResponse = { ended: string[] }
