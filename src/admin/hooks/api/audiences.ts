import { keepPreviousData, useQuery, type QueryClient } from "@tanstack/react-query"
import { post, remove, toSearch } from "../../lib/api"
import { sdk } from "../../lib/sdk"
import type {
  AdminAudienceBatchListResponse,
  AdminAudienceListResponse,
  AdminAudienceResponse,
  AdminAudienceSourceListResponse,
  AdminAudienceSourceWithSecretResponse,
  AdminCreateAudienceSourceBody,
  AdminUpdateAudienceBody,
} from "../../../types/http"
import { customerGroupsQueryKeys, customersQueryKeys } from "./dashboard"
import { pickerQueryKeys } from "./pickers"
import { segmentQueryKeys } from "./segments"
import { useWrite } from "./use-write"

/** Audience sources and the audiences they push (src/api/admin/audiences, src/api/admin/audience-sources). */

export const audienceQueryKeys = {
  all: ["customer-suite", "audiences"] as const,
  sources: (query: Record<string, unknown>) => [...audienceQueryKeys.all, "sources", query] as const,
  lists: () => [...audienceQueryKeys.all, "list"] as const,
  list: (query: Record<string, unknown>) => [...audienceQueryKeys.lists(), query] as const,
  detail: (id: string, query?: Record<string, unknown>) => [...audienceQueryKeys.all, "detail", id, ...(query ? [query] : [])] as const,
  batches: (sourceId: string, query: Record<string, unknown>) => [...audienceQueryKeys.all, "batches", sourceId, query] as const,
}

/**
 * After a write: our audience queries, the pickers that list audiences, the
 * segments (a deleted source changes their members) and the dashboard's
 * customer groups (the mirror creates and deletes groups).
 */
const invalidateAudiences = (client: QueryClient) =>
  Promise.all([
    client.invalidateQueries({ queryKey: audienceQueryKeys.all }),
    client.invalidateQueries({ queryKey: pickerQueryKeys.all }),
    client.invalidateQueries({ queryKey: segmentQueryKeys.all }),
    client.invalidateQueries({ queryKey: customersQueryKeys.all }),
    client.invalidateQueries({ queryKey: customerGroupsQueryKeys.all }),
  ])

export const useAudienceSources = (query: { limit: number; offset: number }) =>
  useQuery({
    queryKey: audienceQueryKeys.sources(query),
    queryFn: () => sdk.client.fetch<AdminAudienceSourceListResponse>(`/admin/audience-sources${toSearch(query)}`),
    placeholderData: keepPreviousData,
  })

export const useAudiences = (query: { q?: string; source_id?: string; limit: number; offset: number }) =>
  useQuery({
    queryKey: audienceQueryKeys.list(query),
    queryFn: () => sdk.client.fetch<AdminAudienceListResponse>(`/admin/audiences${toSearch(query)}`),
    placeholderData: keepPreviousData,
  })

export const useAudience = (id: string, query: { limit: number; offset: number } = { limit: 10, offset: 0 }) =>
  useQuery({
    queryKey: audienceQueryKeys.detail(id, query),
    queryFn: () => sdk.client.fetch<AdminAudienceResponse>(`/admin/audiences/${id}${toSearch(query)}`),
    placeholderData: keepPreviousData,
  })

export const useAudienceBatches = (sourceId: string | undefined, query: { audience_id?: string; limit: number; offset: number }) =>
  useQuery({
    queryKey: audienceQueryKeys.batches(sourceId ?? "", query),
    queryFn: () => sdk.client.fetch<AdminAudienceBatchListResponse>(`/admin/audience-sources/${sourceId}/batches${toSearch(query)}`),
    enabled: Boolean(sourceId),
    placeholderData: keepPreviousData,
  })

/** Creates a source: the answer holds its secret, shown once. */
export const useCreateAudienceSource = () =>
  useWrite(
    (body: AdminCreateAudienceSourceBody) => post<AdminAudienceSourceWithSecretResponse>("/admin/audience-sources", body),
    invalidateAudiences
  )

/** A new secret for a source, shown once; the previous one verifies for the grace period. */
export const useRotateAudienceSecret = () =>
  useWrite(
    (id: string) => post<AdminAudienceSourceWithSecretResponse>(`/admin/audience-sources/${id}/rotate-secret`, {}),
    invalidateAudiences
  )

export const useDeleteAudienceSource = () => useWrite((id: string) => remove(`/admin/audience-sources/${id}`), invalidateAudiences)

/** Turns an audience's customer-group mirror on or off. */
export const useUpdateAudience = (id: string) =>
  useWrite((body: AdminUpdateAudienceBody) => post<AdminAudienceResponse>(`/admin/audiences/${id}`, body), invalidateAudiences)
