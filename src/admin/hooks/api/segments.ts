import { keepPreviousData, useQuery, type QueryClient } from "@tanstack/react-query"
import { useMemo } from "react"
import { useTranslation } from "react-i18next"
import { backendPath, post, toSearch } from "../../lib/api"
import { sdk } from "../../lib/sdk"
import type { DraftRule } from "../../lib/rule-model"
import { membershipKind, type MembershipKind } from "../../lib/segment-kinds"
import type {
  AdminCreateCustomerSegmentBody,
  AdminCustomerFactsBackfill,
  AdminCustomerFactsBackfillListResponse,
  AdminCustomerFactsBackfillResponse,
  AdminCustomerSegment,
  AdminCustomerSegmentAppliesTo,
  AdminCustomerCustomerSegmentsResponse,
  AdminCustomerSegmentAttributesResponse,
  AdminCustomerSegmentListParams,
  AdminCustomerSegmentListResponse,
  AdminCustomerSegmentMemberListParams,
  AdminCustomerSegmentMemberListResponse,
  AdminCustomerSegmentResponse,
  AdminCustomerSegmentRun,
  AdminCustomerSegmentRunListResponse,
  AdminCustomerSegmentRunResponse,
  AdminExplainCustomerSegmentResponse,
  AdminParseCustomerSegmentRuleBody,
  AdminParseCustomerSegmentRuleResponse,
  AdminPreviewCustomerSegmentBody,
  AdminPreviewCustomerSegmentResponse,
  AdminUpdateCustomerSegmentBody,
  AdminUpdateCustomerSegmentMembersBody,
  AdminUpdateCustomerSegmentMembersResponse,
} from "../../../types/http"
import { customerGroupsQueryKeys, customersQueryKeys } from "./dashboard"
import { useDeleteRecord, useWrite } from "./use-write"

/** Customer segments (src/api/admin/customer-segments). */

const BASE = "/admin/customer-segments"

export const segmentQueryKeys = {
  all: ["customer-suite", "segments"] as const,
  attributes: () => [...segmentQueryKeys.all, "attributes"] as const,
  lists: () => [...segmentQueryKeys.all, "list"] as const,
  list: (query: Record<string, unknown>) => [...segmentQueryKeys.lists(), query] as const,
  detail: (id: string) => [...segmentQueryKeys.all, "detail", id] as const,
  members: (id: string, query?: Record<string, unknown>) => [...segmentQueryKeys.detail(id), "members", ...(query ? [query] : [])] as const,
  runs: (id: string) => [...segmentQueryKeys.detail(id), "runs"] as const,
  explain: (id: string, customerId: string) => [...segmentQueryKeys.detail(id), "explain", customerId] as const,
  ofCustomer: (customerId: string) => [...segmentQueryKeys.all, "customer", customerId] as const,
  preview: (body: unknown) => [...segmentQueryKeys.all, "preview", body] as const,
}

/**
 * After a write: our segment queries, and the dashboard's customer and
 * customer group queries (a segment can add or remove group members).
 */
export const invalidateSegments = (client: QueryClient) =>
  Promise.all([
    client.invalidateQueries({ queryKey: segmentQueryKeys.all }),
    client.invalidateQueries({ queryKey: customersQueryKeys.all }),
    client.invalidateQueries({ queryKey: customerGroupsQueryKeys.all }),
  ])

/** The attribute registry; labels and descriptions can be translated (the API's English is the default). */
export const useAttributes = () => {
  const { t } = useTranslation()
  return useQuery({
    queryKey: segmentQueryKeys.attributes(),
    queryFn: () => sdk.client.fetch<AdminCustomerSegmentAttributesResponse>(`${BASE}/attributes`),
    staleTime: Infinity,
    select: (data) => ({
      attributes: data.attributes.map((a) => ({
        ...a,
        label: t(`customerSuite.segments.attributes.${a.name}.label`, { defaultValue: a.label }),
        description: t(`customerSuite.segments.attributes.${a.name}.description`, { defaultValue: a.description }),
      })),
    }),
  })
}

/** The attributes that read only the shopper's current cart (`current_cart` in the registry); empty until it has loaded. */
export const useCurrentCartAttributes = (): ReadonlySet<string> => {
  const { data } = useAttributes()
  return useMemo(() => new Set(data?.attributes.filter((a) => a.current_cart).map((a) => a.name)), [data])
}

/** How a segment gets its members: static, per cart, or refreshed. */
export const useMembershipKind = (segment: Pick<AdminCustomerSegment, "kind" | "attributes">): MembershipKind =>
  membershipKind(segment, useCurrentCartAttributes())

export const useSegments = (query: AdminCustomerSegmentListParams) =>
  useQuery({
    queryKey: segmentQueryKeys.list(query),
    queryFn: () => sdk.client.fetch<AdminCustomerSegmentListResponse>(`${BASE}${toSearch(query)}`),
    placeholderData: keepPreviousData,
  })

export const useSegment = (id: string) =>
  useQuery({
    queryKey: segmentQueryKeys.detail(id),
    queryFn: () => sdk.client.fetch<AdminCustomerSegmentResponse>(`${BASE}/${id}`),
    enabled: !!id,
  })

export const useSegmentMembers = (id: string, query: AdminCustomerSegmentMemberListParams) =>
  useQuery({
    queryKey: segmentQueryKeys.members(id, query),
    queryFn: () => sdk.client.fetch<AdminCustomerSegmentMemberListResponse>(`${BASE}/${id}/customers${toSearch(query)}`),
    placeholderData: keepPreviousData,
    enabled: !!id,
  })

export const isRunActive = (run?: AdminCustomerSegmentRun) => run?.status === "queued" || run?.status === "running"

/** Refresh runs, newest first; polled every second while the newest one is queued or running. */
export const useSegmentRuns = (id: string) =>
  useQuery({
    queryKey: segmentQueryKeys.runs(id),
    queryFn: () => sdk.client.fetch<AdminCustomerSegmentRunListResponse>(`${BASE}/${id}/runs?limit=10`),
    enabled: !!id,
    refetchInterval: (query) => (isRunActive(query.state.data?.runs[0]) ? 1000 : false),
  })

export const useCustomerSegments = (customerId: string) =>
  useQuery({
    queryKey: segmentQueryKeys.ofCustomer(customerId),
    queryFn: () => sdk.client.fetch<AdminCustomerCustomerSegmentsResponse>(`/admin/customers/${customerId}/customer-segments`),
    enabled: !!customerId,
  })

export const useExplain = (segmentId: string, customerId: string) =>
  useQuery({
    queryKey: segmentQueryKeys.explain(segmentId, customerId),
    queryFn: () =>
      sdk.client.fetch<AdminExplainCustomerSegmentResponse>(`${BASE}/${segmentId}/explain?customer_id=${encodeURIComponent(customerId)}`),
  })

/** How many customers a rule matches now (nothing is written); `null` while there is no rule to ask about. */
export const useSegmentPreview = (body: { rule: DraftRule; applies_to: AdminCustomerSegmentAppliesTo } | null) =>
  useQuery({
    queryKey: segmentQueryKeys.preview(body),
    queryFn: () =>
      sdk.client.fetch<AdminPreviewCustomerSegmentResponse>(`${BASE}/preview`, {
        method: "POST",
        body: { ...body, limit: 5 } satisfies AdminPreviewCustomerSegmentBody,
      }),
    enabled: body !== null,
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 10_000,
  })

/** A rule's text from its tree, or its tree from the text (the API's parser and printer; nothing is written). */
export const parseRule = (body: { query: string } | { rule: DraftRule }) =>
  post<AdminParseCustomerSegmentRuleResponse>(`${BASE}/parse`, body satisfies AdminParseCustomerSegmentRuleBody)

export const useCreateSegment = () =>
  useWrite((body: AdminCreateCustomerSegmentBody) => post<AdminCustomerSegmentResponse>(BASE, body), invalidateSegments)

export const useUpdateSegment = (id: string) =>
  useWrite((body: AdminUpdateCustomerSegmentBody) => post<AdminCustomerSegmentResponse>(`${BASE}/${id}`, body), invalidateSegments)

export const useDeleteSegment = (id: string) => useDeleteRecord(`${BASE}/${id}`, segmentQueryKeys.detail(id), invalidateSegments)

export const useRefreshSegment = (id: string) =>
  useWrite(
    () => sdk.client.fetch<AdminCustomerSegmentRunResponse>(`${BASE}/${id}/refresh`, { method: "POST" }),
    (client) => client.invalidateQueries({ queryKey: segmentQueryKeys.runs(id) })
  )

export const useUpdateMembers = (id: string) =>
  useWrite(
    (body: AdminUpdateCustomerSegmentMembersBody) => post<AdminUpdateCustomerSegmentMembersResponse>(`${BASE}/${id}/customers`, body),
    invalidateSegments
  )

/** The members CSV, streamed by the backend (the session cookie authenticates the download). */
export const membersExportUrl = (id: string) => backendPath(`${BASE}/${id}/customers/export`)

/** Facts backfill runs (src/api/admin/customer-suite/backfills; queued by POST /admin/customer-segments/backfill). */
export const backfillQueryKeys = {
  all: ["customer-suite", "backfills"] as const,
  latest: () => [...backfillQueryKeys.all, "latest"] as const,
}

const BACKFILL_POLL_MS = 2_000
export const isBackfillActive = (run: Pick<AdminCustomerFactsBackfill, "status"> | null | undefined) =>
  run?.status === "queued" || run?.status === "running"

/** The latest backfill run (or none), asked again every 2 s while it is queued or running: its progress survives a reload. */
export const useLatestBackfill = () =>
  useQuery({
    queryKey: backfillQueryKeys.latest(),
    queryFn: async () =>
      (await sdk.client.fetch<AdminCustomerFactsBackfillListResponse>(`/admin/customer-suite/backfills${toSearch({ limit: 1 })}`)).backfills[0] ?? null,
    refetchInterval: (query) => (isBackfillActive(query.state.data) ? BACKFILL_POLL_MS : false),
  })

/** Queues a rebuild of the facts (202; 409 while one is queued or running). */
export const useStartBackfill = () =>
  useWrite(
    () => post<AdminCustomerFactsBackfillResponse>(`${BASE}/backfill`, {}),
    (client) => client.invalidateQueries({ queryKey: backfillQueryKeys.all })
  )

export const useCancelBackfill = () =>
  useWrite(
    (id: string) => post<AdminCustomerFactsBackfillResponse>(`/admin/customer-suite/backfills/${id}/cancel`, {}),
    (client) => client.invalidateQueries({ queryKey: backfillQueryKeys.all })
  )
