/**
 * The login-as-customer API as the admin reads it (src/api/admin/assistance-sessions,
 * customers/:id/assistance-*): the admin's own types until they come from src/types/http.
 */

export const SESSION_STATUSES = ["pending", "active", "ended"] as const
export type SessionStatus = (typeof SESSION_STATUSES)[number]

export const END_REASONS = ["ended_by_admin", "ended_by_customer", "expired", "code_expired", "superseded", "admin_deleted"] as const
export type EndReason = (typeof END_REASONS)[number]

export type AssistanceUser = { email: string; first_name: string | null; last_name: string | null }

export type AssistanceSession = {
  id: string
  customer_id: string
  user_id: string
  /** null: the admin's account was deleted. */
  user: AssistanceUser | null
  reason: string | null
  status: SessionStatus
  end_reason: EndReason | null
  code_expires_at: string
  exchanged_at: string | null
  expires_at: string | null
  ended_at: string | null
  ended_by: string | null
  created_at: string
  actions_count?: number
}

export type AssistanceAction = {
  id: string
  method: string
  route: string
  path: string
  status_code: number
  resource_ids: Record<string, unknown> | null
  /** "denied": refused by the denied actions setting. */
  outcome: "denied" | null
  created_at: string
}

export type AssistanceSessionDetail = AssistanceSession & { actions: AssistanceAction[] }

export type StartedSession = {
  assistance_session: AssistanceSession
  /** The one-time code: shown once, never readable again. */
  code: string
  code_expires_at: string
  /** null when no storefront URL is set. */
  link: string | null
}

export type AssistanceConsent = {
  assistance_consent: { allowed: boolean; updated_at: string | null }
  history: { allowed: boolean; actor_type: string; actor_id: string | null; created_at: string }[]
}

export type SessionFilters = {
  user_id?: string
  customer_id?: string
  status?: SessionStatus
  created_after?: string
  created_before?: string
}
