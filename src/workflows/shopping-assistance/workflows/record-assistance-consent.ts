import { WorkflowResponse, createWorkflow, transform, when } from "@medusajs/framework/workflows-sdk"
import { endAssistanceSessionsStep } from "../steps/end-assistance-sessions"
import { recordAssistanceConsentStep } from "../steps/record-assistance-consent"

export const recordAssistanceConsentWorkflowId = "customer-suite-record-assistance-consent"
/**
 * A customer allows or withdraws remote assistance (only from the storefront,
 * as themselves). Withdrawing revokes their open sessions.
 */
export const recordAssistanceConsentWorkflow = createWorkflow(recordAssistanceConsentWorkflowId, (input: { customer_id: string; allowed: boolean }) => {
  const consent = recordAssistanceConsentStep(input)
  const revoked = when("customer-suite-revoke-assistance-on-withdrawal", { input }, ({ input }) => !input.allowed).then(() =>
    endAssistanceSessionsStep(
      transform({ input }, ({ input }) => ({ customer_id: input.customer_id, reason: "ended_by_customer" as const, ended_by: input.customer_id }))
    )
  )
  return new WorkflowResponse({ consent, revoked_ids: transform({ revoked }, ({ revoked }) => (revoked ?? []).map((s) => s.id)) })
})
