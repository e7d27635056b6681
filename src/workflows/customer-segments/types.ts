import type { RuleNode } from "../../modules/customer_segment/rules"

export type SegmentKind = "dynamic" | "static"
export type SegmentAppliesTo = "registered" | "guests" | "both"
export type SegmentStatus = "active" | "inactive"

/** What an admin sends to create a segment (a rule as JSON or as text, not both). */
export type CreateCustomerSegmentInput = {
  name: string
  description?: string | null
  kind?: SegmentKind
  applies_to?: SegmentAppliesTo
  status?: SegmentStatus
  rule?: unknown
  query?: string
  sync_customer_group?: boolean
  metadata?: Record<string, unknown> | null
}

export type UpdateCustomerSegmentInput = Omit<Partial<CreateCustomerSegmentInput>, "kind">

/** A segment row as the workflows read and write it. */
export type CustomerSegmentData = {
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
  metadata: Record<string, unknown> | null
}

/** Why a refresh ran: by hand, a saved rule, the schedule, a backfill, or a change of a segment its rule reads. */
export type RefreshTrigger = "manual" | "saved" | "schedule" | "backfill" | "dependency"
