import { emitEventStep } from "@medusajs/medusa/core-flows"
import { WorkflowResponse, createWorkflow, transform } from "@medusajs/framework/workflows-sdk"
import { CustomerSegmentEvents } from "../../../modules/customer_segment/events"
import { membershipPayloads } from "../utils/membership-events"
import { evaluateCustomerSegmentsStep } from "../steps/evaluate-customer-segments"
import { syncCustomerFactsStep, type SyncCustomerFactsStepInput } from "../steps/sync-customer-facts"

export const syncCustomerFactsWorkflowId = "customer-suite-sync-customer-facts"

/**
 * Real time: brings the facts of a few customers up to date, re-evaluates
 * only the segments reading what changed, and emits
 * `customer_segment.membership_changed` for the memberships that moved.
 */
export const syncCustomerFactsWorkflow = createWorkflow(
  syncCustomerFactsWorkflowId,
  (input: SyncCustomerFactsStepInput) => {
    const changes = syncCustomerFactsStep(input)
    const memberships = evaluateCustomerSegmentsStep(changes)
    const events = transform({ memberships }, ({ memberships }) => membershipPayloads(memberships))
    emitEventStep({ eventName: CustomerSegmentEvents.MEMBERSHIP_CHANGED, data: events })
    return new WorkflowResponse({ changes, memberships })
  }
)
