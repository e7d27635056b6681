import { emitEventStep } from "@medusajs/medusa/core-flows"
import { WorkflowResponse, createWorkflow, transform } from "@medusajs/framework/workflows-sdk"
import { CustomerSegmentEvents } from "../../../modules/customer_segment/events"
import { queueCustomerSegmentRefreshStep, type QueueRefreshStepInput } from "../steps/queue-customer-segment-refresh"

export const requestCustomerSegmentRefreshWorkflowId = "customer-suite-request-customer-segment-refresh"

/** Queues refresh runs; a subscriber carries them out in the background. */
export const requestCustomerSegmentRefreshWorkflow = createWorkflow(
  requestCustomerSegmentRefreshWorkflowId,
  (input: QueueRefreshStepInput) => {
    const runs = queueCustomerSegmentRefreshStep(input)
    const events = transform({ runs }, ({ runs }) => runs.map((r) => ({ id: r.segment_id, run_id: r.id })))
    emitEventStep({ eventName: CustomerSegmentEvents.REFRESH_REQUESTED, data: events })
    return new WorkflowResponse(runs)
  }
)
