import { keepPreviousData, useQuery, type QueryClient } from "@tanstack/react-query"
import { post, toSearch } from "../../lib/api"
import { sdk } from "../../lib/sdk"
import type {
  AdminPasswordResetResponse,
  AdminSecurityEventListResponse,
  AdminSignInLock,
  AdminSignInLockResponse,
  SecurityEventKind,
  SessionRevocationResponse,
} from "../../../types/http"
import { isMissingRoute } from "./content-blocks"
import { useWrite } from "./use-write"

/**
 * The customer page's "Security" section (issue 15): sign-in lock and unlock,
 * "Send password reset", "End all sessions", and the security log
 * (src/api/admin/customers/[id]/…).
 */

const customerPath = (customerId: string) => `/admin/customers/${customerId}`

export type SecurityEventsQuery = { kind?: SecurityEventKind; limit: number; offset: number }

export const customerSecurityQueryKeys = {
  all: ["customer-suite", "customer-security"] as const,
  customer: (customerId: string) => [...customerSecurityQueryKeys.all, customerId] as const,
  signInLock: (customerId: string) => [...customerSecurityQueryKeys.customer(customerId), "sign-in-lock"] as const,
  events: (customerId: string, query?: SecurityEventsQuery) =>
    [...customerSecurityQueryKeys.customer(customerId), "events", ...(query ? [query] : [])] as const,
}

/** Every action here changes the lock, the log or both: refetch the customer's section. */
const invalidateCustomer = (customerId: string) => (client: QueryClient) =>
  client.invalidateQueries({ queryKey: customerSecurityQueryKeys.customer(customerId) })

/** The sign-in lock; `available: false` when the backend has no such route (404). */
export const useSignInLock = (customerId: string) =>
  useQuery({
    queryKey: customerSecurityQueryKeys.signInLock(customerId),
    queryFn: async (): Promise<{ available: boolean; lock: AdminSignInLock | null }> => {
      try {
        const { sign_in_lock } = await sdk.client.fetch<AdminSignInLockResponse>(`${customerPath(customerId)}/sign-in-lock`)
        return { available: true, lock: sign_in_lock }
      } catch (error) {
        if (isMissingRoute(error)) {
          return { available: false, lock: null }
        }
        throw error
      }
    },
  })

export const useSecurityEvents = (customerId: string, query: SecurityEventsQuery) =>
  useQuery({
    queryKey: customerSecurityQueryKeys.events(customerId, query),
    queryFn: () => sdk.client.fetch<AdminSecurityEventListResponse>(`${customerPath(customerId)}/security-events${toSearch(query)}`),
    placeholderData: keepPreviousData,
  })

export const useUnlockCustomer = (customerId: string) =>
  useWrite(() => post<AdminSignInLockResponse>(`${customerPath(customerId)}/unlock`, {}), invalidateCustomer(customerId))

/** Medusa's reset email to the customer (429 with the wait when asked too often). */
export const useSendPasswordReset = (customerId: string) =>
  useWrite(() => post<AdminPasswordResetResponse>(`${customerPath(customerId)}/password-reset`, {}), invalidateCustomer(customerId))

export const useRevokeCustomerSessions = (customerId: string) =>
  useWrite(() => post<SessionRevocationResponse>(`${customerPath(customerId)}/sessions/revoke`, {}), invalidateCustomer(customerId))
