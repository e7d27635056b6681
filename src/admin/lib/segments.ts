import { keepPreviousData, useQuery, type QueryClient } from "@tanstack/react-query"
import { useTranslation } from "react-i18next"
import { post, remove, toSearch, useWrite } from "./api"
import { sdk } from "./sdk"

/** The admin's view of the segments API (src/api/admin/customer-segments). */

export type RuleNode =
  | { all: RuleNode[] }
  | { any: RuleNode[] }
  | { not: RuleNode }
  | { attribute: string; operator: string; value?: unknown }

export type SegmentKind = "dynamic" | "static"
export type SegmentAppliesTo = "registered" | "guests" | "both"
export type SegmentStatus = "active" | "inactive"

export type Segment = {
  id: string
  name: string
  description: string | null
  kind: SegmentKind
  applies_to: SegmentAppliesTo
  status: SegmentStatus
  rule: RuleNode | null
  query: string | null
  attributes: string[]
  relative_dates: boolean
  sync_customer_group: boolean
  customer_group_id: string | null
  member_count: number
  last_refreshed_at: string | null
  last_refresh_duration_ms: number | null
  created_at: string
  updated_at: string
}

export type SegmentRun = {
  id: string
  segment_id: string
  trigger: "manual" | "saved" | "schedule" | "backfill"
  status: "queued" | "running" | "succeeded" | "failed"
  matched: number | null
  added: number | null
  removed: number | null
  duration_ms: number | null
  started_at: string | null
  finished_at: string | null
  error: string | null
  created_at: string
}

export type SegmentMember = {
  id: string
  email: string | null
  first_name: string | null
  last_name: string | null
  has_account: boolean
  created_at: string | null
  membership: { source: "rule" | "manual"; matched_at: string }
}

// Type-only imports from the rule engine: erased from the admin bundle, one definition for both sides.
export type { AttributeType, ValuePicker } from "../../modules/customer_segment/rules/attributes"
import type { AttributeDefinition } from "../../modules/customer_segment/rules/attributes"

/** An attribute as `/attributes` answers it: the definition plus its operators' text and value format. */
export type Attribute = AttributeDefinition & { operators: { operator: string; text: string; value: string }[] }

export type Explanation =
  | { type: "all" | "any"; result: boolean; children: Explanation[] }
  | { type: "not"; result: boolean; child: Explanation }
  | { type: "condition"; result: boolean; condition: { attribute: string; operator: string; value?: unknown }; text: string; fact: unknown }

export type ExplainResult = {
  segment_id: string
  customer_id: string
  member: boolean
  matches: boolean
  applies: boolean
  explanation: Explanation | null
}

export type PreviewResult = {
  count: number
  customers: { id: string; email: string | null; first_name: string | null; last_name: string | null; has_account: boolean }[]
}

export type ParseResult = { rule: RuleNode; query: string; attributes: string[]; relative_dates: boolean }

export type SegmentInput = {
  name?: string
  description?: string | null
  kind?: SegmentKind
  applies_to?: SegmentAppliesTo
  status?: SegmentStatus
  rule?: RuleNode
  query?: string
  sync_customer_group?: boolean
}

export const BASE = "/admin/customer-segments"

export const segmentQueryKeys = {
  all: ["customer-suite", "segments"] as const,
  attributes: () => [...segmentQueryKeys.all, "attributes"] as const,
  lists: () => [...segmentQueryKeys.all, "list"] as const,
  list: (query: Record<string, unknown>) => [...segmentQueryKeys.lists(), query] as const,
  detail: (id: string) => [...segmentQueryKeys.all, "detail", id] as const,
  members: (id: string, query?: Record<string, unknown>) =>
    [...segmentQueryKeys.detail(id), "members", ...(query ? [query] : [])] as const,
  runs: (id: string) => [...segmentQueryKeys.detail(id), "runs"] as const,
  explain: (id: string, customerId: string) => [...segmentQueryKeys.detail(id), "explain", customerId] as const,
  ofCustomer: (customerId: string) => [...segmentQueryKeys.all, "customer", customerId] as const,
  preview: (body: unknown) => [...segmentQueryKeys.all, "preview", body] as const,
}

/**
 * After a write: our segment queries, and the dashboard's customer and
 * customer group queries (a segment can add or remove group members).
 */
export function invalidateSegments(client: QueryClient) {
  return Promise.all([
    client.invalidateQueries({ queryKey: segmentQueryKeys.all }),
    client.invalidateQueries({ queryKey: ["customers"] }),
    client.invalidateQueries({ queryKey: ["customer_groups"] }),
  ])
}

/** The attribute registry; labels and descriptions can be translated (the API's English is the default). */
export const useAttributes = () => {
  const { t } = useTranslation()
  return useQuery({
    queryKey: segmentQueryKeys.attributes(),
    queryFn: () => sdk.client.fetch<{ attributes: Attribute[] }>(`${BASE}/attributes`),
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

export type SegmentListQuery = {
  q?: string
  kind?: SegmentKind[]
  status?: SegmentStatus[]
  customer_group_id?: string
  limit: number
  offset: number
  order?: string
}

export const useSegments = (query: SegmentListQuery, options: { enabled?: boolean } = {}) =>
  useQuery({
    queryKey: segmentQueryKeys.list(query),
    queryFn: () =>
      sdk.client.fetch<{ customer_segments: Segment[]; count: number }>(`${BASE}${toSearch(query)}`),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  })

export const useSegment = (id: string) =>
  useQuery({
    queryKey: segmentQueryKeys.detail(id),
    queryFn: () => sdk.client.fetch<{ customer_segment: Segment }>(`${BASE}/${id}`),
    enabled: !!id,
  })

export const useSegmentMembers = (id: string, query: { q?: string; limit: number; offset: number }) =>
  useQuery({
    queryKey: segmentQueryKeys.members(id, query),
    queryFn: () =>
      sdk.client.fetch<{ customers: SegmentMember[]; count: number }>(`${BASE}/${id}/customers${toSearch(query)}`),
    placeholderData: keepPreviousData,
    enabled: !!id,
  })

const isActive = (run?: SegmentRun) => run?.status === "queued" || run?.status === "running"

/** Refresh runs, newest first; polled every second while the newest one is queued or running. */
export const useSegmentRuns = (id: string) =>
  useQuery({
    queryKey: segmentQueryKeys.runs(id),
    queryFn: () => sdk.client.fetch<{ runs: SegmentRun[]; count: number }>(`${BASE}/${id}/runs?limit=10`),
    enabled: !!id,
    refetchInterval: (query) => (isActive(query.state.data?.runs[0]) ? 1000 : false),
  })

export const useCustomerSegments = (customerId: string) =>
  useQuery({
    queryKey: segmentQueryKeys.ofCustomer(customerId),
    queryFn: () =>
      sdk.client.fetch<{ customer_segments: Segment[] }>(`/admin/customers/${customerId}/customer-segments`),
    enabled: !!customerId,
  })

export const useExplain = (segmentId: string, customerId: string, enabled: boolean) =>
  useQuery({
    queryKey: segmentQueryKeys.explain(segmentId, customerId),
    queryFn: () =>
      sdk.client.fetch<{ explanation: ExplainResult }>(
        `${BASE}/${segmentId}/explain?customer_id=${encodeURIComponent(customerId)}`
      ),
    enabled,
  })

/** How many customers a rule matches now (nothing is written). */
export const usePreview = (body: { rule: RuleNode; applies_to: SegmentAppliesTo } | null) =>
  useQuery({
    queryKey: segmentQueryKeys.preview(body),
    queryFn: () =>
      sdk.client.fetch<PreviewResult>(`${BASE}/preview`, { method: "POST", body: { ...body, limit: 5 } }),
    enabled: body !== null,
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 10_000,
  })

export const parseRule = (body: { query: string } | { rule: RuleNode }) =>
  sdk.client.fetch<ParseResult>(`${BASE}/parse`, { method: "POST", body })

type SegmentAnswer = { customer_segment: Segment }

export const useCreateSegment = () => useWrite((body: SegmentInput) => post<SegmentAnswer>(BASE, body), invalidateSegments)

export const useUpdateSegment = (id: string) =>
  useWrite((body: SegmentInput) => post<SegmentAnswer>(`${BASE}/${id}`, body), invalidateSegments)

export const useDeleteSegment = (id: string) =>
  useWrite(
    () => remove(`${BASE}/${id}`),
    (client) => {
      client.removeQueries({ queryKey: segmentQueryKeys.detail(id) })
      return invalidateSegments(client)
    }
  )

export const useRefreshSegment = (id: string) =>
  useWrite(
    () => sdk.client.fetch<{ run: SegmentRun }>(`${BASE}/${id}/refresh`, { method: "POST" }),
    (client) => client.invalidateQueries({ queryKey: segmentQueryKeys.runs(id) })
  )

export const useUpdateMembers = (id: string) =>
  useWrite(
    (body: { add?: string[]; remove?: string[] }) =>
      post<{ customer_segment: Segment; added: string[]; removed: string[] }>(`${BASE}/${id}/customers`, body),
    invalidateSegments
  )

/** The members CSV, streamed by the backend (the session cookie authenticates the download). */
export function exportUrl(id: string): string {
  const base = typeof __BACKEND_URL__ !== "undefined" && __BACKEND_URL__ ? __BACKEND_URL__ : ""
  return `${base.replace(/\/$/, "")}${BASE}/${id}/customers/export`
}
