import type { InferTypeOf } from "@medusajs/framework/types"
import type { z } from "@medusajs/framework/zod"
import type {
  AdminBackfillCustomerFacts,
  AdminCreateCustomerSegment,
  AdminExplainCustomerSegmentParams,
  AdminGetCustomerSegmentMembersParams,
  AdminGetCustomerSegmentRunsParams,
  AdminGetCustomerSegmentsParams,
  AdminParseCustomerSegmentRule,
  AdminPreviewCustomerSegment,
  AdminUpdateCustomerSegment,
  AdminUpdateCustomerSegmentMembers,
} from "../../api/admin/customer-segments/validators"
import type { StoreGetCurrentCustomerSegmentsParams } from "../../api/store/customer-segments/validators"
import type CustomerSegment from "../../modules/customer_segment/models/customer-segment"
import type CustomerSegmentRefreshRun from "../../modules/customer_segment/models/customer-segment-refresh-run"
import type { Operator, RuleNode } from "../../modules/customer_segment/rules/ast"
import type { Explanation } from "../../modules/customer_segment/rules/explain"
import type { CustomerFacts } from "../../modules/customer_segment/rules/facts"
import type { AttributeDescription } from "../../modules/customer_segment/rules/registry"
import type { ApiRow, DeleteResponse, Jsonified, PaginatedResponse } from "./common"

export type { Condition, ConditionValue, MoneyValue, Operator, PurchaseFilter, RuleNode } from "../../modules/customer_segment/rules/ast"
export type { Explanation } from "../../modules/customer_segment/rules/explain"
export type { ValueType } from "../../modules/customer_segment/rules/operators"
export type { ValuePicker } from "../../modules/customer_segment/rules/registry"

type SegmentRow = InferTypeOf<typeof CustomerSegment>

/** A segment with the API's default fields (`fields` can ask for fewer). */
export type AdminCustomerSegment = ApiRow<Omit<SegmentRow, "rule" | "deleted_at">> & { rule: RuleNode | null }
export type AdminCustomerSegmentKind = SegmentRow["kind"]
export type AdminCustomerSegmentAppliesTo = SegmentRow["applies_to"]
export type AdminCustomerSegmentStatus = SegmentRow["status"]

/** A full refresh of a segment: what it found and how long it took. */
export type AdminCustomerSegmentRun = ApiRow<Omit<InferTypeOf<typeof CustomerSegmentRefreshRun>, "updated_at" | "deleted_at">>

/**
 * GET /admin/customer-segments. Without Medusa's `with_deleted` (its find
 * params preprocess it, so zod types it as a required `unknown`; the route
 * never lists deleted segments).
 */
export type AdminCustomerSegmentListParams = Omit<z.input<typeof AdminGetCustomerSegmentsParams>, "with_deleted">
/** POST /admin/customer-segments: a rule as JSON `rule` or as text `query`. */
export type AdminCreateCustomerSegmentBody = z.input<typeof AdminCreateCustomerSegment>
/** POST /admin/customer-segments/:id: everything but `kind`. */
export type AdminUpdateCustomerSegmentBody = z.input<typeof AdminUpdateCustomerSegment>

export type AdminCustomerSegmentResponse = { customer_segment: AdminCustomerSegment }
export type AdminCustomerSegmentListResponse = PaginatedResponse<{ customer_segments: AdminCustomerSegment[] }>
export type AdminCustomerSegmentDeleteResponse = DeleteResponse<"customer_segment">
/** GET /admin/customers/:id/customer-segments: the segments a customer is in. */
export type AdminCustomerCustomerSegmentsResponse = { customer_segments: AdminCustomerSegment[] }

/** An operator of an attribute, with its text form and what value it takes. */
export type AdminCustomerSegmentOperator = { operator: Operator; text: string; value: string }
/** An attribute of the rule builder: the registry's description, its operators spelled out. */
export type AdminCustomerSegmentAttribute = Omit<AttributeDescription, "operators"> & { operators: AdminCustomerSegmentOperator[] }
/** GET /admin/customer-segments/attributes; metadata keys are read as `metadata.<key>`. */
export type AdminCustomerSegmentAttributesResponse = { attributes: AdminCustomerSegmentAttribute[]; metadata_prefix: "metadata." }

/** POST /admin/customer-segments/parse: `{ query }` or `{ rule }`. */
export type AdminParseCustomerSegmentRuleBody = z.input<typeof AdminParseCustomerSegmentRule>
/** The rule, its canonical text, the attributes it reads, and whether it uses relative dates. */
export type AdminParseCustomerSegmentRuleResponse = { rule: RuleNode; query: string; attributes: string[]; relative_dates: boolean }

/** POST /admin/customer-segments/preview: who matches a rule now, without writing anything. */
export type AdminPreviewCustomerSegmentBody = z.input<typeof AdminPreviewCustomerSegment>
export type AdminCustomerSegmentPreviewCustomer = {
  id: string
  email: string | null
  first_name: string | null
  last_name: string | null
  has_account: boolean | null
}
export type AdminPreviewCustomerSegmentResponse = { count: number; customers: AdminCustomerSegmentPreviewCustomer[] }

/** GET /admin/customer-segments/:id/customers */
export type AdminCustomerSegmentMemberListParams = z.input<typeof AdminGetCustomerSegmentMembersParams>
/** A member with their customer fields and how they joined. */
export type AdminCustomerSegmentMember = {
  id: string
  email: string | null
  first_name: string | null
  last_name: string | null
  has_account: boolean | null
  /** null: the customer record is gone. */
  created_at: string | null
  membership: { source: "rule" | "manual"; matched_at: string }
}
export type AdminCustomerSegmentMemberListResponse = PaginatedResponse<{ customers: AdminCustomerSegmentMember[] }>
/** POST /admin/customer-segments/:id/customers: hand-picked members of a static segment. */
export type AdminUpdateCustomerSegmentMembersBody = z.input<typeof AdminUpdateCustomerSegmentMembers>
export type AdminUpdateCustomerSegmentMembersResponse = AdminCustomerSegmentResponse & { added: string[]; removed: string[] }

/** POST /admin/customer-segments/:id/refresh: the queued run (202). */
export type AdminCustomerSegmentRunResponse = { run: AdminCustomerSegmentRun }
/** GET /admin/customer-segments/:id/runs */
export type AdminCustomerSegmentRunListParams = z.input<typeof AdminGetCustomerSegmentRunsParams>
export type AdminCustomerSegmentRunListResponse = PaginatedResponse<{ runs: AdminCustomerSegmentRun[] }>

/** GET /admin/customer-segments/:id/explain?customer_id= */
export type AdminCustomerSegmentExplainParams = z.input<typeof AdminExplainCustomerSegmentParams>
/** One node of an explanation: a group or NOT with its result, or a condition with its text and the fact it read. */
export type AdminCustomerSegmentExplanationNode = Jsonified<Explanation>
/** Whether the customer is a member and, for a dynamic segment, which conditions held, with the facts read. */
export type AdminCustomerSegmentExplanation = {
  segment_id: string
  customer_id: string
  member: boolean
  matches: boolean
  applies: boolean
  explanation: AdminCustomerSegmentExplanationNode | null
  facts: Jsonified<CustomerFacts> | null
}
export type AdminExplainCustomerSegmentResponse = { explanation: AdminCustomerSegmentExplanation }

/** POST /admin/customer-segments/backfill */
export type AdminBackfillCustomerFactsBody = z.input<typeof AdminBackfillCustomerFacts>

/**
 * A rebuild of the facts projection, run in the background
 * (GET /admin/customer-suite/backfills/:id). Progress is measured against the
 * customers counted (or, in a big store, estimated) when it was queued.
 */
export type AdminCustomerFactsBackfill = {
  id: string
  status: "queued" | "running" | "succeeded" | "failed" | "canceled"
  /** manual: POST /admin/customer-segments/backfill; install: queued by the job when the projection was empty. */
  trigger: "manual" | "install"
  requested_by: string | null
  batch_size: number
  customers_estimate: number
  customers_done: number
  orders_done: number
  batches_done: number
  /** The last customer id written: a run resumes after it (after a crash or restart). */
  checkpoint: string | null
  /** 0 to 1 (1 once succeeded). */
  progress: number
  /** Over the time spent running (a resumed run leaves out the time it lay still). */
  customers_per_second: number | null
  orders_per_second: number | null
  running_ms: number
  /** While queued or running, at the speed so far; null before the first batch. */
  estimated_seconds_left: number | null
  error: string | null
  /** Refreshes queued for every active dynamic segment once the facts were built (GET /admin/customer-segments/:id/runs). */
  refresh_run_ids: string[]
  /**
   * Indexes of the facts projection still to be built: a backfill into an empty
   * projection builds them once its batches are written (decision 0060), and a
   * run that failed or was canceled gets them back within a minute.
   */
  indexes_pending: string[]
  started_at: string | null
  finished_at: string | null
  created_at: string
  updated_at: string
}
/** POST /admin/customer-segments/backfill (202), GET and POST …/cancel of /admin/customer-suite/backfills/:id */
export type AdminCustomerFactsBackfillResponse = { backfill: AdminCustomerFactsBackfill }
/** 409 of POST /admin/customer-segments/backfill: the run already queued or running. */
export type AdminCustomerFactsBackfillConflict = { type: "conflict"; message: string; backfill: AdminCustomerFactsBackfill | null }
/** GET /admin/customer-suite/backfills, newest first. */
export type AdminCustomerFactsBackfillListResponse = PaginatedResponse<{ backfills: AdminCustomerFactsBackfill[] }>

/** What the store shows of a segment: enough to pick content, nothing about the rule. */
export type StoreCustomerSegment = Pick<AdminCustomerSegment, "id" | "name">
/** GET /store/customer-segments/current?cart_id= */
export type StoreCurrentCustomerSegmentsParams = z.input<typeof StoreGetCurrentCustomerSegmentsParams>
/** GET /store/customer-segments/current and /store/customers/me/customer-segments */
export type StoreCustomerSegmentListResponse = { customer_segments: StoreCustomerSegment[] }
