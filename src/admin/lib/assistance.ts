import { keepPreviousData, useQuery, type QueryClient } from "@tanstack/react-query"
import { post, toSearch, useWrite } from "./api"
import type { EndReason, SessionStatus } from "./assistance-model"
import { backendUrl, sdk } from "./sdk"

/** The admin's view of the login-as-customer API (src/api/admin/assistance-sessions, customers/:id/assistance-*). */

export { SESSION_STATUSES, END_REASONS, type SessionStatus, type EndReason } from "./assistance-model"

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

const SESSIONS = "/admin/assistance-sessions"

export const assistanceQueryKeys = {
  all: ["customer-suite", "assistance"] as const,
  sessions: (query?: Record<string, unknown>) => [...assistanceQueryKeys.all, "sessions", ...(query ? [query] : [])] as const,
  session: (id: string) => [...assistanceQueryKeys.all, "session", id] as const,
  consent: (customerId: string) => [...assistanceQueryKeys.all, "consent", customerId] as const,
}

/** Sessions, their detail and the customer widgets all show the same sessions: refetch them all. */
const invalidateAssistance = (client: QueryClient) => client.invalidateQueries({ queryKey: assistanceQueryKeys.all })

export const useAssistanceSessions = (query: SessionFilters & { offset?: number; limit?: number }) =>
  useQuery({
    queryKey: assistanceQueryKeys.sessions(query),
    queryFn: () =>
      sdk.client.fetch<{ assistance_sessions: AssistanceSession[]; count: number; offset: number; limit: number }>(`${SESSIONS}${toSearch(query)}`),
    placeholderData: keepPreviousData,
  })

export const useAssistanceSession = (id: string) =>
  useQuery({
    queryKey: assistanceQueryKeys.session(id),
    queryFn: () => sdk.client.fetch<{ assistance_session: AssistanceSessionDetail }>(`${SESSIONS}/${id}`),
    enabled: !!id,
  })

export const useAssistanceConsent = (customerId: string) =>
  useQuery({
    queryKey: assistanceQueryKeys.consent(customerId),
    queryFn: () => sdk.client.fetch<AssistanceConsent>(`/admin/customers/${customerId}/assistance-consent`),
  })

/** Logs in as the customer: answers the one-time code (shown once). */
export const useStartAssistance = (customerId: string) =>
  useWrite((reason: string) => post<StartedSession>(`/admin/customers/${customerId}/assistance-sessions`, reason ? { reason } : {}), invalidateAssistance)

export const useEndAssistance = () =>
  useWrite((id: string) => post<{ assistance_session: AssistanceSession }>(`${SESSIONS}/${id}/end`, {}), invalidateAssistance)

/**
 * Downloads the log as CSV for the list's filters (the session cookie goes
 * along; the file is saved under the name the server gives, or a dated one).
 */
export const downloadSessionsCsv = async (filters: SessionFilters) => {
  const response = await fetch(`${backendUrl.replace(/\/$/, "")}${SESSIONS}/export${toSearch(filters)}`, { credentials: "include" })
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { message?: string } | null
    throw new Error(body?.message ?? response.statusText)
  }
  const name = /filename="?([^";]+)"?/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? `assistance-sessions-${new Date().toISOString().slice(0, 10)}.csv`
  const url = URL.createObjectURL(await response.blob())
  const link = document.createElement("a")
  link.href = url
  link.download = name
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

export const adminName = (user: AssistanceUser | null | undefined) =>
  user ? [user.first_name, user.last_name].filter(Boolean).join(" ") || user.email : null

/** The order's mark from a session (`metadata.assistance`), or null. */
export const assistanceOf = (metadata: Record<string, unknown> | null | undefined) => {
  const mark = metadata?.assistance
  if (!mark || typeof mark !== "object") {
    return null
  }
  const { session_id, user_id } = mark as Record<string, unknown>
  return typeof session_id === "string" ? { session_id, user_id: typeof user_id === "string" ? user_id : null } : null
}
