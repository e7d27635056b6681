import { emitEventStep } from "@medusajs/medusa/core-flows"
import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { CustomerActivityEvents, type AccountLockedEventPayload } from "../../../modules/customer_activity/events"
import type { SecurityEventInput } from "../../../modules/customer_activity/service"
import { recordSecurityEventsStep } from "../../customer-activity/steps/record-security-events"

export type RecordSignInInput = {
  /** The attempt's security log entries (never a password). */
  events: SecurityEventInput[]
  /** Locks the attempt started: one `customer_suite.account_locked` each (none: nothing emitted). */
  locks: AccountLockedEventPayload[]
}

export const recordSignInWorkflowId = "customer-suite-record-sign-in"
/**
 * A sign-in attempt, after its answer: the security log entries, then the
 * lock events (released once the entries are written).
 */
export const recordSignInWorkflow = createWorkflow(recordSignInWorkflowId, (input: RecordSignInInput) => {
  const ids = recordSecurityEventsStep(input.events)
  emitEventStep({ eventName: CustomerActivityEvents.ACCOUNT_LOCKED, data: input.locks })
  return new WorkflowResponse(ids)
})
