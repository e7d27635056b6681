import { generateResetPasswordTokenWorkflow } from "@medusajs/core-flows"
import type { ProjectConfigOptions } from "@medusajs/framework/types"
import { WorkflowResponse, createWorkflow, transform } from "@medusajs/framework/workflows-sdk"
import type { SecurityEventInput } from "../../../modules/customer_activity/service"
import { RESET_PROVIDER, findCustomerResetAccountStep } from "../steps/find-customer-reset-account"
import { recordSecurityEventsStep } from "../steps/record-security-events"

export type SendCustomerPasswordResetInput = {
  customer_id: string
  /** The staff user who sends it (the security log's actor). */
  user_id: string
  /** The staff user's request, for the log. */
  ip: string | null
  user_agent: string | null
  /** Medusa's http.jwtSecret / jwtOptions: the reset token is signed as Medusa's own route signs it. */
  secret: ProjectConfigOptions["http"]["jwtSecret"]
  jwt_options?: ProjectConfigOptions["http"]["jwtOptions"]
}

export type SendCustomerPasswordResetResult = { customer_id: string; email: string; requested_at: string }

export const sendCustomerPasswordResetWorkflowId = "customer-suite-send-customer-password-reset"
/**
 * "Send password reset" from the customer page: Medusa's own reset-token
 * workflow for the customer's emailpass account, so `auth.password_reset` is
 * emitted and the store's notification provider sends its usual email. The
 * token never leaves Medusa's workflow (staff neither see it nor choose a
 * password); the security log records who sent it. Limits are the caller's
 * (consumeResetAllowance) — this workflow sends.
 */
export const sendCustomerPasswordResetWorkflow = createWorkflow(sendCustomerPasswordResetWorkflowId, (input: SendCustomerPasswordResetInput) => {
  const account = findCustomerResetAccountStep({ customer_id: input.customer_id })
  const tokenInput = transform({ input, account }, ({ input, account }) => ({
    entityId: account.email,
    actorType: "customer",
    provider: RESET_PROVIDER,
    secret: input.secret,
    jwtOptions: input.jwt_options,
    metadata: { sent_by: "staff" },
  }))
  generateResetPasswordTokenWorkflow.runAsStep({ input: tokenInput })
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
  recordSecurityEventsStep(events)
  const result = transform({ account }, ({ account }): SendCustomerPasswordResetResult => ({
    customer_id: account.customer_id,
    email: account.email,
    requested_at: new Date().toISOString(),
  }))
  return new WorkflowResponse(result)
})
