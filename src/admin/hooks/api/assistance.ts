import { keepPreviousData, useQuery, type QueryClient } from "@tanstack/react-query"
import { backendPath, post, toSearch } from "../../lib/api"
import { sdk } from "../../lib/sdk"
import type { SessionFilters } from "../../lib/types/assistance"
import type {
  AdminAssistanceConsentResponse,
  AdminAssistanceSessionDetailResponse,
  AdminAssistanceSessionListParams,
  AdminAssistanceSessionListResponse,
  AdminAssistanceSessionResponse,
  AdminStartAssistanceSessionBody,
  AdminStartAssistanceSessionResponse,
} from "../../../types/http"
import { useWrite } from "./use-write"

/** Login as customer (src/api/admin/assistance-sessions, customers/:id/assistance-*). */

const SESSIONS = "/admin/assistance-sessions"

export const assistanceQueryKeys = {
  all: ["customer-suite", "assistance"] as const,
  sessions: (query?: Record<string, unknown>) => [...assistanceQueryKeys.all, "sessions", ...(query ? [query] : [])] as const,
  session: (id: string) => [...assistanceQueryKeys.all, "session", id] as const,
  consent: (customerId: string) => [...assistanceQueryKeys.all, "consent", customerId] as const,
}

/** Sessions, their detail and the customer widgets all show the same sessions: refetch them all. */
const invalidateAssistance = (client: QueryClient) => client.invalidateQueries({ queryKey: assistanceQueryKeys.all })

export const useAssistanceSessions = (query: AdminAssistanceSessionListParams) =>
  useQuery({
    queryKey: assistanceQueryKeys.sessions(query),
    queryFn: () => sdk.client.fetch<AdminAssistanceSessionListResponse>(`${SESSIONS}${toSearch(query)}`),
    placeholderData: keepPreviousData,
  })

export const useAssistanceSession = (id: string) =>
  useQuery({
    queryKey: assistanceQueryKeys.session(id),
    queryFn: () => sdk.client.fetch<AdminAssistanceSessionDetailResponse>(`${SESSIONS}/${id}`),
    enabled: !!id,
  })

export const useAssistanceConsent = (customerId: string) =>
  useQuery({
    queryKey: assistanceQueryKeys.consent(customerId),
    queryFn: () => sdk.client.fetch<AdminAssistanceConsentResponse>(`/admin/customers/${customerId}/assistance-consent`),
  })

/** Logs in as the customer: answers the one-time code (shown once). */
export const useStartAssistance = (customerId: string) =>
  useWrite(
    (reason: string) =>
      post<AdminStartAssistanceSessionResponse>(
        `/admin/customers/${customerId}/assistance-sessions`,
        (reason ? { reason } : {}) satisfies AdminStartAssistanceSessionBody
      ),
    invalidateAssistance
  )

export const useEndAssistance = () => useWrite((id: string) => post<AdminAssistanceSessionResponse>(`${SESSIONS}/${id}/end`, {}), invalidateAssistance)

/**
 * Downloads the log as CSV for the list's filters (the session cookie goes
 * along; the file is saved under the name the server gives, or a dated one).
 */
export const downloadSessionsCsv = async (filters: SessionFilters) => {
  const response = await fetch(backendPath(`${SESSIONS}/export${toSearch(filters)}`), { credentials: "include" })
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
