import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import type { SecurityEventInput } from "../../../modules/customer_activity/service"
import { recordSecurityEventsStep } from "../steps/record-security-events"

export const recordSecurityEventsWorkflowId = "customer-suite-record-security-log"
/** Appends entries to the security log (never a secret); answers their ids. */
export const recordSecurityEventsWorkflow = createWorkflow(recordSecurityEventsWorkflowId, (input: { events: SecurityEventInput[] }) => {
  return new WorkflowResponse(recordSecurityEventsStep(input.events))
})
