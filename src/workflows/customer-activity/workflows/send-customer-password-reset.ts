import { WorkflowResponse, createWorkflow, transform } from "@medusajs/framework/workflows-sdk"
import type { SecurityEventInput } from "../../../modules/customer_activity/service"
import { findCustomerResetAccountStep } from "../steps/find-customer-reset-account"
import { recordSecurityEventsStep } from "../steps/record-security-events"
import { sendResetPasswordEmailStep } from "../steps/send-reset-password-email"

export type SendCustomerPasswordResetInput = {
  customer_id: string
  /** The staff user who sends it (the security log's actor). */
  user_id: string
  /** The staff user's request, for the log. */
  ip: string | null
  user_agent: string | null
}

export type SendCustomerPasswordResetResult = { customer_id: string; email: string; requested_at: string }

export const sendCustomerPasswordResetWorkflowId = "customer-suite-send-customer-password-reset"
/**
 * "Send password reset" from the customer page: the security log records who
 * sent it, then Medusa's own reset-token workflow runs for the customer's
 * emailpass account, so `auth.password_reset` is emitted and the store's
 * notification provider sends its usual email. Staff never see the token.
 * Limits are the caller's (consumeResetAllowance); this workflow sends.
 */
export const sendCustomerPasswordResetWorkflow = createWorkflow(sendCustomerPasswordResetWorkflowId, (input: SendCustomerPasswordResetInput) => {
  const account = findCustomerResetAccountStep({ customer_id: input.customer_id })
  const events = transform({ input, account }, ({ input, account }): SecurityEventInput[] => [
    {
      kind: "staff_password_reset",
      outcome: "sent",
      customer_id: account.customer_id,
      email: account.email,
      ip: input.ip,
      user_agent: input.user_agent,
      actor_type: "user",
      actor_id: input.user_id,
    },
  ])
  // The log first: if sending fails, the entry is removed; once sent, nothing can fail after it.
  recordSecurityEventsStep(events)
  const sent = sendResetPasswordEmailStep(account)
  const result = transform({ account, sent }, ({ account, sent }): SendCustomerPasswordResetResult => ({
    customer_id: account.customer_id,
    email: account.email,
    requested_at: sent.requested_at,
  }))
  return new WorkflowResponse(result)
})
