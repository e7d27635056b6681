import { emitEventStep } from "@medusajs/medusa/core-flows"
import { WorkflowResponse, createWorkflow, transform } from "@medusajs/framework/workflows-sdk"
import { CustomerSegmentEvents } from "../../../modules/customer_segment/events"
import { backfillCustomerFactsStep, type BackfillCustomerFactsStepInput } from "../steps/backfill-customer-facts"
import { queueCustomerSegmentRefreshStep } from "../steps/queue-customer-segment-refresh"

export const backfillCustomerFactsWorkflowId = "customer-suite-backfill-customer-facts"

/**
 * Builds the facts projection from existing customers and orders (install,
 * or repair), then queues a refresh of every active dynamic segment.
 */
export const backfillCustomerFactsWorkflow = createWorkflow(
  backfillCustomerFactsWorkflowId,
  (input: BackfillCustomerFactsStepInput) => {
    const result = backfillCustomerFactsStep(input)
    const toRefresh = transform({ result }, ({ result }) => ({ segment_ids: result.segment_ids, trigger: "backfill" as const }))
    const runs = queueCustomerSegmentRefreshStep(toRefresh)
    const events = transform({ runs }, ({ runs }) => runs.map((r) => ({ id: r.segment_id, run_id: r.id })))
    emitEventStep({ eventName: CustomerSegmentEvents.REFRESH_REQUESTED, data: events })
    const response = transform({ result, runs }, ({ result, runs }) => ({ ...result, runs }))
    return new WorkflowResponse(response)
  }
)
