import { emitEventStep } from "@medusajs/medusa/core-flows"
import { WorkflowResponse, createWorkflow, transform } from "@medusajs/framework/workflows-sdk"
import { CustomerSegmentEvents } from "../../../modules/customer_segment/events"
import { queueCustomerFactsBackfillStep, type QueueFactsBackfillStepInput } from "../steps/queue-customer-facts-backfill"

export const backfillCustomerFactsWorkflowId = "customer-suite-backfill-customer-facts"

/**
 * Queues a rebuild of the facts projection from Medusa's customers and
 * orders (install, or repair) and answers at once with the run: a worker
 * claims it from the event and runs it in the background
 * (utils/backfill-runner.ts), then queues a refresh of every active dynamic
 * segment. 409 while another run is queued or running.
 */
export const backfillCustomerFactsWorkflow = createWorkflow(
  backfillCustomerFactsWorkflowId,
  (input: QueueFactsBackfillStepInput) => {
    const run = queueCustomerFactsBackfillStep(input)
    const event = transform({ run }, ({ run }) => ({ id: run.id }))
    emitEventStep({ eventName: CustomerSegmentEvents.BACKFILL_REQUESTED, data: event })
    return new WorkflowResponse(run)
  }
)
