import { WorkflowResponse, createWorkflow, transform } from "@medusajs/framework/workflows-sdk"
import type { SecurityEventInput } from "../../../modules/customer_activity/service"
import { findRevocationCustomerStep } from "../steps/find-revocation-customer"
import { recordSecurityEventsStep } from "../steps/record-security-events"
import { revokeCustomerSessionsStep } from "../steps/revoke-customer-sessions"
import { waitForNextSecondStep } from "../steps/wait-for-next-second"
import type { RevokeCustomerSessionsInput } from "../types"

export const revokeCustomerSessionsWorkflowId = "customer-suite-revoke-customer-sessions"
/**
 * "Sign out everywhere": every token and cookie session of the customer
 * issued until now is refused from here on (the guard, within 5 seconds on
 * every instance). Recorded in the security log (sessions_revoked, and
 * password_changed when a password change or reset caused it). Answers once
 * the next second has begun, so a sign-in after the answer is never refused.
 */
export const revokeCustomerSessionsWorkflow = createWorkflow(revokeCustomerSessionsWorkflowId, (input: RevokeCustomerSessionsInput) => {
  const customer = findRevocationCustomerStep({ customer_id: input.customer_id })
  const revocation = revokeCustomerSessionsStep(transform({ input }, ({ input }) => ({ customer_id: input.customer_id, reason: input.reason })))
  const events = transform({ input, customer, revocation }, ({ input, customer, revocation }): SecurityEventInput[] => {
    const common = {
      customer_id: customer.id,
      email: customer.email,
      ip: input.ip ?? null,
      user_agent: input.user_agent ?? null,
      actor_type: input.actor_type,
      actor_id: input.actor_id ?? null,
      occurred_at: revocation.revoked_at,
    }
    const passwordChange = input.reason === "password_reset" || input.reason === "password_changed"
    return [
      ...(passwordChange ? [{ ...common, kind: "password_changed" as const, outcome: input.reason === "password_reset" ? "reset" : "changed" }] : []),
      { ...common, kind: "sessions_revoked" as const, outcome: "revoked", details: { reason: input.reason } },
    ]
  })
  recordSecurityEventsStep(events)
  waitForNextSecondStep(transform({ revocation }, ({ revocation }) => ({ at: revocation.revoked_at })))
  return new WorkflowResponse(revocation)
})
