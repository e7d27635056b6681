import { emitEventStep } from "@medusajs/medusa/core-flows"
import { WorkflowResponse, createWorkflow, transform } from "@medusajs/framework/workflows-sdk"
import { CustomerSegmentEvents } from "../../../modules/customer_segment/events"
import { queueCustomerSegmentRefreshStep } from "../steps/queue-customer-segment-refresh"
import { updateCustomerSegmentStep, type UpdateCustomerSegmentStepInput } from "../steps/update-customer-segment"

export const updateCustomerSegmentWorkflowId = "customer-suite-update-customer-segment"

/**
 * Updates a segment. A changed rule, audience or reactivation queues a
 * background refresh; turning sync_customer_group on creates the group (and
 * the `customer_segment.updated` subscriber fills it).
 */
export const updateCustomerSegmentWorkflow = createWorkflow(
  updateCustomerSegmentWorkflowId,
  (input: UpdateCustomerSegmentStepInput) => {
    const result = updateCustomerSegmentStep(input)
    const toRefresh = transform({ result }, ({ result }) => ({
      segment_ids: result.refresh ? [result.segment.id] : [],
      trigger: "saved" as const,
    }))
    const runs = queueCustomerSegmentRefreshStep(toRefresh)
    const events = transform({ result, runs }, ({ result, runs }) => ({
      updated: [{ id: result.segment.id }],
      refresh: runs.map((r) => ({ id: r.segment_id, run_id: r.id })),
    }))
    emitEventStep({ eventName: CustomerSegmentEvents.UPDATED, data: events.updated }).config({ name: "customer-suite-emit-segment-updated" })
    emitEventStep({ eventName: CustomerSegmentEvents.REFRESH_REQUESTED, data: events.refresh }).config({
      name: "customer-suite-emit-segment-refresh-requested",
    })
    return new WorkflowResponse(result.segment)
  }
)
