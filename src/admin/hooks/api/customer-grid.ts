import { keepPreviousData, useQuery, type QueryClient } from "@tanstack/react-query"
import { backendPath, post, remove, toSearch } from "../../lib/api"
import { csvRecordCounter } from "../../lib/customer-grid"
import { sdk } from "../../lib/sdk"
import type {
  AdminBulkActionResponse,
  AdminBulkActionsResponse,
  AdminCreateBulkAction,
  AdminCreateCustomerGridView,
  AdminCustomerGridCountResponse,
  AdminCustomerGridResponse,
  AdminCustomerGridViewResponse,
  AdminCustomerGridViewsResponse,
  AdminCustomerSegmentListResponse,
  AdminSetDefaultCustomerGridView,
  AdminUpdateCustomerGridView,
  BulkAction,
} from "../../../types/http"
import { customerGroupsQueryKeys, customersQueryKeys } from "./dashboard"
import { segmentQueryKeys } from "./segments"
import { useWrite } from "./use-write"

/** The customers grid (src/api/admin/customer-suite/customers, grid-views, bulk-actions). */

const BASE = "/admin/customer-suite"

/** How often the progress panel asks again while an action is queued or running. */
export const BULK_POLL_MS = 1_000

export const customerGridQueryKeys = {
  all: ["customer-suite", "customer-grid"] as const,
  pages: () => [...customerGridQueryKeys.all, "page"] as const,
  page: (query: string) => [...customerGridQueryKeys.pages(), query] as const,
  views: () => [...customerGridQueryKeys.all, "views"] as const,
  bulkActions: () => [...customerGridQueryKeys.all, "bulk-actions"] as const,
  bulkAction: (id: string) => [...customerGridQueryKeys.bulkActions(), id] as const,
  staticSegments: () => [...customerGridQueryKeys.all, "static-segments"] as const,
  me: () => [...customerGridQueryKeys.all, "me"] as const,
  count: (query: string) => [...customerGridQueryKeys.all, "count", query] as const,
}

/** One page of the grid; the query string is `gridQuery`'s (the URL's filters as they are, sort, limit, cursor). */
export const useCustomerGrid = (query: string) =>
  useQuery({
    queryKey: customerGridQueryKeys.page(query),
    queryFn: () => sdk.client.fetch<AdminCustomerGridResponse>(`${BASE}/customers?${query}`),
    placeholderData: keepPreviousData,
    // A refused filter stays refused: show the message at once.
    retry: false,
  })

/** The exact number of customers the filters match now (a bulk delete's confirmation names it). */
export const useExactGridCount = (filterQuery: string, enabled: boolean) =>
  useQuery({
    queryKey: customerGridQueryKeys.count(filterQuery),
    queryFn: () => sdk.client.fetch<AdminCustomerGridCountResponse>(`${BASE}/customers/count${filterQuery ? `?${filterQuery}` : ""}`),
    enabled,
    staleTime: 0,
    gcTime: 0,
  })

// ---------------------------------------------------------------------------
// Saved views

const invalidateViews = (client: QueryClient) => client.invalidateQueries({ queryKey: customerGridQueryKeys.views() })

/** The user's own views and the shared ones, and the user's default. */
export const useGridViews = () =>
  useQuery({
    queryKey: customerGridQueryKeys.views(),
    queryFn: () => sdk.client.fetch<AdminCustomerGridViewsResponse>(`${BASE}/grid-views`),
  })

export const useCreateGridView = () =>
  useWrite((body: AdminCreateCustomerGridView) => post<AdminCustomerGridViewResponse>(`${BASE}/grid-views`, body), invalidateViews)

export const useUpdateGridView = () =>
  useWrite(
    ({ id, ...body }: AdminUpdateCustomerGridView & { id: string }) => post<AdminCustomerGridViewResponse>(`${BASE}/grid-views/${id}`, body),
    invalidateViews
  )

export const useDeleteGridView = () => useWrite((id: string) => remove(`${BASE}/grid-views/${id}`), invalidateViews)

export const useSetDefaultGridView = () =>
  useWrite((body: AdminSetDefaultCustomerGridView) => post<AdminCustomerGridViewsResponse>(`${BASE}/grid-views/default`, body), invalidateViews)

// ---------------------------------------------------------------------------
// Bulk actions

export const isActive = (action: Pick<BulkAction, "status">) => action.status === "queued" || action.status === "running"

/** What a finished action changed: the grid's rows, the dashboard's customers and groups, segment members. */
export const invalidateAfterBulkAction = (client: QueryClient) =>
  Promise.all([
    client.invalidateQueries({ queryKey: customerGridQueryKeys.pages() }),
    client.invalidateQueries({ queryKey: customersQueryKeys.all }),
    client.invalidateQueries({ queryKey: customerGroupsQueryKeys.all }),
    client.invalidateQueries({ queryKey: segmentQueryKeys.all }),
  ])

/** The signed-in staff user's id (the progress panel shows their own actions). */
export const useCurrentUserId = () =>
  useQuery({
    queryKey: customerGridQueryKeys.me(),
    queryFn: async () => (await sdk.admin.user.me({ fields: "id" })).user.id,
    staleTime: Infinity,
  })

/**
 * The store's recent actions, newest first (the API lists every user's),
 * asked again every second while one is queued or running.
 */
export const useBulkActions = (limit = 20) =>
  useQuery({
    queryKey: customerGridQueryKeys.bulkActions(),
    queryFn: () => sdk.client.fetch<AdminBulkActionsResponse>(`${BASE}/bulk-actions${toSearch({ limit })}`),
    refetchInterval: (query) => (query.state.data?.bulk_actions.some(isActive) ? BULK_POLL_MS : false),
  })

/** One action and the customers it failed for (polled while it runs). */
export const useBulkAction = (id: string | null) =>
  useQuery({
    queryKey: customerGridQueryKeys.bulkAction(id ?? ""),
    queryFn: () => sdk.client.fetch<AdminBulkActionResponse>(`${BASE}/bulk-actions/${id}`),
    enabled: !!id,
    refetchInterval: (query) => (query.state.data && isActive(query.state.data.bulk_action) ? BULK_POLL_MS : false),
  })

export const useCreateBulkAction = () =>
  useWrite(
    (body: AdminCreateBulkAction) => post<AdminBulkActionResponse>(`${BASE}/bulk-actions`, body),
    (client) => client.invalidateQueries({ queryKey: customerGridQueryKeys.bulkActions() })
  )

export const useCancelBulkAction = () =>
  useWrite(
    (id: string) => post<AdminBulkActionResponse>(`${BASE}/bulk-actions/${id}/cancel`, {}),
    (client) => client.invalidateQueries({ queryKey: customerGridQueryKeys.bulkActions() })
  )

/** Static segments (the ones a bulk action may add customers to), by name. */
export const useStaticSegments = (enabled: boolean) =>
  useQuery({
    queryKey: customerGridQueryKeys.staticSegments(),
    queryFn: async () => {
      const { customer_segments } = await sdk.client.fetch<AdminCustomerSegmentListResponse>(
        `/admin/customer-segments${toSearch({ kind: "static", limit: 200, fields: "id,name", order: "name" })}`
      )
      return customer_segments.map((s) => ({ value: s.id, label: s.name }))
    },
    enabled,
    staleTime: 30_000,
  })

// ---------------------------------------------------------------------------
// Export

export type ExportProgress = { rows: number; expected: number | null }

/**
 * Downloads the export (the session cookie goes along), reading the stream
 * as it arrives and counting its rows against `expected` for the progress;
 * then saves it under the server's file name through a Blob link.
 */
export async function downloadCustomersCsv(query: string, expected: number | null, onProgress: (progress: ExportProgress) => void, signal?: AbortSignal) {
  // Selected rows go in POST's JSON body (a URL holds only a few hundred ids); filters in the URL.
  const params = new URLSearchParams(query)
  const ids = params.getAll("ids[]")
  const response = ids.length
    ? await fetch(backendPath(`${BASE}/customers/export`), {
        method: "POST",
        credentials: "include",
        signal,
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ ids, columns: params.getAll("columns[]"), ...(params.get("sort") ? { sort: params.get("sort") } : {}) }),
      })
    : await fetch(backendPath(`${BASE}/customers/export?${query}`), { credentials: "include", signal })
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { message?: string } | null
    throw new Error(body?.message ?? response.statusText)
  }
  // The server says how many rows to expect when the page could not (every customer).
  const announced = Number(response.headers.get("x-customer-suite-count"))
  expected ??= Number.isFinite(announced) && announced > 0 ? announced : null
  const chunks: Uint8Array[] = []
  const counter = csvRecordCounter()
  const decoder = new TextDecoder()
  const report = () => onProgress({ rows: Math.max(0, counter.total() - 1), expected })
  if (response.body) {
    const reader = response.body.getReader()
    for (;;) {
      const { done, value } = await reader.read()
      if (done) {
        break
      }
      chunks.push(value)
      counter.push(decoder.decode(value, { stream: true }))
      report()
    }
  } else {
    const buffer = new Uint8Array(await response.arrayBuffer())
    chunks.push(buffer)
    counter.push(decoder.decode(buffer))
  }
  counter.push(decoder.decode())
  report()
  const name = /filename="?([^";]+)"?/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? `customers-${new Date().toISOString().slice(0, 10)}.csv`
  const url = URL.createObjectURL(new Blob(chunks as BlobPart[], { type: "text/csv;charset=utf-8" }))
  const link = document.createElement("a")
  link.href = url
  link.download = name
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
  return { rows: Math.max(0, counter.total() - 1), name }
}
