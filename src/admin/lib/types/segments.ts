/**
 * The segments API as the admin reads it (src/api/admin/customer-segments):
 * the admin's own types until they come from src/types/http.
 */

// Type-only imports from the rule engine: erased from the admin bundle, one definition for both sides.
import type { AttributeDefinition, ValuePicker } from "../../../modules/customer_segment/rules/attributes"
export type { AttributeType, ValuePicker } from "../../../modules/customer_segment/rules/attributes"
export type { PurchaseFilter } from "../../../modules/customer_segment/rules/ast"

/**
 * The searchable lists the admin offers for values: the rule engine's, and
 * customer segments (the `segments` attribute's picker; named here too so
 * the admin builds before and after the engine lists it).
 */
export type PickerKind = ValuePicker | "segment"

export const SEGMENT_KINDS = ["dynamic", "static"] as const
export type SegmentKind = (typeof SEGMENT_KINDS)[number]
export const SEGMENT_APPLIES_TO = ["registered", "guests", "both"] as const
export type SegmentAppliesTo = (typeof SEGMENT_APPLIES_TO)[number]
export const SEGMENT_STATUSES = ["active", "inactive"] as const
export type SegmentStatus = (typeof SEGMENT_STATUSES)[number]

export type RuleNode =
  | { all: RuleNode[] }
  | { any: RuleNode[] }
  | { not: RuleNode }
  | { attribute: string; operator: string; value?: unknown }

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

export type PreviewCustomer = { id: string; email: string | null; first_name: string | null; last_name: string | null; has_account: boolean }

export type PreviewResult = { count: number; customers: PreviewCustomer[] }

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

export type SegmentListQuery = {
  q?: string
  kind?: SegmentKind[]
  status?: SegmentStatus[]
  customer_group_id?: string
  limit: number
  offset: number
  order?: string
}
