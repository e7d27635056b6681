import { keepPreviousData, useQuery, type QueryClient } from "@tanstack/react-query"
import { post, toSearch } from "../../lib/api"
import { sdk } from "../../lib/sdk"
import type {
  AdminContentBlockListParams,
  AdminContentBlockListResponse,
  AdminContentBlockPlacementsResponse,
  AdminContentBlockResponse,
  AdminContentBlockStatsParams,
  AdminContentBlockStatsResponse,
  AdminCreateContentBlock,
  AdminPreviewContentBlocks,
  AdminPreviewContentBlocksResponse,
  AdminRenderContentBlock,
  AdminRenderContentBlockResponse,
  AdminUpdateContentBlock,
} from "../../../types/http"
import { useDeleteRecord, useWrite } from "./use-write"

/** Content blocks (src/api/admin/content-blocks) and the audiences they can target. */

const BASE = "/admin/content-blocks"

export const contentBlockQueryKeys = {
  all: ["customer-suite", "content-blocks"] as const,
  lists: () => [...contentBlockQueryKeys.all, "list"] as const,
  list: (query: Record<string, unknown>) => [...contentBlockQueryKeys.lists(), query] as const,
  placements: () => [...contentBlockQueryKeys.all, "placements"] as const,
  detail: (id: string) => [...contentBlockQueryKeys.all, "detail", id] as const,
  stats: (id: string, query: Record<string, unknown>) => [...contentBlockQueryKeys.detail(id), "stats", query] as const,
  render: (body: unknown) => [...contentBlockQueryKeys.all, "render", body] as const,
  preview: (body: unknown) => [...contentBlockQueryKeys.all, "preview", body] as const,
}

/** After a write: every content block query (lists, placements, details, previews). */
export const invalidateContentBlocks = (client: QueryClient) => client.invalidateQueries({ queryKey: contentBlockQueryKeys.all })

export const useContentBlocks = (query: AdminContentBlockListParams, enabled = true) =>
  useQuery({
    queryKey: contentBlockQueryKeys.list(query),
    queryFn: () => sdk.client.fetch<AdminContentBlockListResponse>(`${BASE}${toSearch(query)}`),
    placeholderData: keepPreviousData,
    enabled,
    // 404: content blocks are turned off in the plugin's options (asking again changes nothing).
    retry: (failures, error) => !isMissingRoute(error) && failures < 2,
  })

/** The placements blocks use, with how many blocks (and active ones) each has. */
export const useContentBlockPlacements = () =>
  useQuery({
    queryKey: contentBlockQueryKeys.placements(),
    queryFn: () => sdk.client.fetch<AdminContentBlockPlacementsResponse>(`${BASE}/placements`),
    staleTime: 30_000,
  })

export const useContentBlock = (id: string) =>
  useQuery({
    queryKey: contentBlockQueryKeys.detail(id),
    queryFn: () => sdk.client.fetch<AdminContentBlockResponse>(`${BASE}/${id}`),
    enabled: !!id,
  })

/** Impressions, clicks and click rate of a block (UTC days; the API's default: the last 30 days). */
export const useContentBlockStats = (id: string, query: AdminContentBlockStatsParams = {}) =>
  useQuery({
    queryKey: contentBlockQueryKeys.stats(id, query),
    queryFn: () => sdk.client.fetch<AdminContentBlockStatsResponse>(`${BASE}/${id}/stats${toSearch(query)}`),
    enabled: !!id,
  })

/** The form's live preview: the content rendered (html sanitised) by the API; null while there is nothing to render. */
export const useRenderContentBlock = (body: AdminRenderContentBlock | null) =>
  useQuery({
    queryKey: contentBlockQueryKeys.render(body),
    queryFn: () => post<AdminRenderContentBlockResponse>(`${BASE}/render`, body as AdminRenderContentBlock),
    enabled: body !== null,
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 60_000,
  })

/** What one shopper (a customer, or a guest's cart) gets, and why; null while nobody is chosen. */
export const useShopperPreview = (body: AdminPreviewContentBlocks | null) =>
  useQuery({
    queryKey: contentBlockQueryKeys.preview(body),
    queryFn: () => post<AdminPreviewContentBlocksResponse>(`${BASE}/preview`, body as AdminPreviewContentBlocks),
    enabled: body !== null,
    retry: false,
  })

export const useCreateContentBlock = () =>
  useWrite((body: AdminCreateContentBlock) => post<AdminContentBlockResponse>(BASE, body), invalidateContentBlocks)

export const useUpdateContentBlock = (id: string) =>
  useWrite((body: AdminUpdateContentBlock) => post<AdminContentBlockResponse>(`${BASE}/${id}`, body), invalidateContentBlocks)

export const useDeleteContentBlock = (id: string) => useDeleteRecord(`${BASE}/${id}`, contentBlockQueryKeys.detail(id), invalidateContentBlocks)

/* ------------------------------------------------------------ audiences */

/**
 * An audience as GET /admin/audiences lists it (the audiences API, issue 14
 * §2): only the fields the picker shows.
 */
export type AudienceOption = { id: string; name: string; external_id?: string; source?: { id: string; name: string } | null; member_count?: number }
type AudienceList = { audiences: AudienceOption[]; count: number }

export const audienceQueryKeys = {
  all: ["customer-suite", "audiences"] as const,
  search: (q: string) => [...audienceQueryKeys.all, "search", q] as const,
  labels: (ids: string[]) => [...audienceQueryKeys.all, "labels", [...ids].sort()] as const,
}

/** A 404 from the audiences API: a backend without it (the picker says audiences are not available). */
export const isMissingRoute = (error: unknown) =>
  typeof error === "object" && error !== null && (error as { status?: unknown }).status === 404

/**
 * Audiences matching a search: `available: false` when the backend has no
 * audiences API (404), so the picker can say so instead of failing.
 */
export const useAudienceSearch = (q: string, enabled: boolean) =>
  useQuery({
    queryKey: audienceQueryKeys.search(q),
    queryFn: async (): Promise<{ available: boolean; audiences: AudienceOption[] }> => {
      try {
        const { audiences } = await sdk.client.fetch<AudienceList>(`/admin/audiences${toSearch({ q: q.trim() || undefined, limit: 20 })}`)
        return { available: true, audiences }
      } catch (error) {
        if (isMissingRoute(error)) {
          return { available: false, audiences: [] }
        }
        throw error
      }
    },
    enabled,
    staleTime: 30_000,
    retry: false,
  })

/** Audience names by id (ids the API no longer knows, or a backend without audiences, keep their id). */
export const useAudienceLabels = (ids: string[]) =>
  useQuery({
    queryKey: audienceQueryKeys.labels(ids),
    queryFn: async (): Promise<Record<string, string>> => {
      try {
        const { audiences } = await sdk.client.fetch<AudienceList>(`/admin/audiences${toSearch({ id: ids, limit: Math.min(ids.length, 200) })}`)
        return Object.fromEntries(audiences.map((a) => [a.id, a.name]))
      } catch (error) {
        if (isMissingRoute(error)) {
          return {}
        }
        throw error
      }
    },
    enabled: ids.length > 0,
    staleTime: 60_000,
    retry: false,
  })
