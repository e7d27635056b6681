import { emitEventStep } from "@medusajs/medusa/core-flows"
import { WorkflowResponse, createWorkflow, transform } from "@medusajs/framework/workflows-sdk"
import { CustomerSegmentEvents } from "../../../modules/customer_segment/events"
import { createCustomerSegmentsStep } from "../steps/create-customer-segments"
import { queueCustomerSegmentRefreshStep } from "../steps/queue-customer-segment-refresh"
import type { CreateCustomerSegmentInput } from "../types"

export type CreateCustomerSegmentsWorkflowInput = { segments: CreateCustomerSegmentInput[] }

export const createCustomerSegmentsWorkflowId = "customer-suite-create-customer-segments"

/** Creates segments (and their managed customer groups); dynamic ones get their members in a background refresh. */
export const createCustomerSegmentsWorkflow = createWorkflow(
  createCustomerSegmentsWorkflowId,
  (input: CreateCustomerSegmentsWorkflowInput) => {
    const segments = createCustomerSegmentsStep(input.segments)
    const toRefresh = transform({ segments }, ({ segments }) => ({
      segment_ids: segments.filter((s) => s.kind === "dynamic" && s.status === "active").map((s) => s.id),
      trigger: "saved" as const,
    }))
    const runs = queueCustomerSegmentRefreshStep(toRefresh)
    const events = transform({ segments, runs }, ({ segments, runs }) => ({
      created: segments.map((s) => ({ id: s.id })),
      refresh: runs.map((r) => ({ id: r.segment_id, run_id: r.id })),
    }))
    emitEventStep({ eventName: CustomerSegmentEvents.CREATED, data: events.created }).config({ name: "customer-suite-emit-segments-created" })
    emitEventStep({ eventName: CustomerSegmentEvents.REFRESH_REQUESTED, data: events.refresh }).config({
      name: "customer-suite-emit-segment-refresh-requested",
    })
    return new WorkflowResponse(segments)
  }
)
