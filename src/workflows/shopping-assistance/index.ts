import { WorkflowResponse, createWorkflow, transform, when } from "@medusajs/framework/workflows-sdk"
import {
  createAssistanceSessionStep,
  endAssistanceSessionsStep,
  exchangeAssistanceCodeStep,
  recordAssistanceConsentStep,
  validateAssistanceStartStep,
  type EndSessionsInput,
  type StartAssistanceInput,
} from "./steps/session-steps"

export { assistanceSettings, type StartAssistanceInput } from "./steps/session-steps"

export const startAssistanceSessionWorkflowId = "customer-suite-start-assistance-session"
/**
 * An admin starts assisting a customer: checks, then ends that admin's
 * previous open session (one at a time), then stores the new session with the
 * hash of its one-time code.
 */
export const startAssistanceSessionWorkflow = createWorkflow(startAssistanceSessionWorkflowId, (input: StartAssistanceInput) => {
  const settings = validateAssistanceStartStep(input)
  const superseded = endAssistanceSessionsStep(
    transform({ input }, ({ input }) => ({ user_id: input.user_id, reason: "superseded" as const, ended_by: input.user_id }))
  )
  const session = createAssistanceSessionStep(transform({ input, settings }, ({ input, settings }) => ({ ...input, code_ttl_seconds: settings.code_ttl_seconds })))
  return new WorkflowResponse({
    session,
    storefront_url: transform({ settings }, ({ settings }) => settings.storefront_url),
    superseded_ids: transform({ superseded }, ({ superseded }) => superseded.map((s) => s.id)),
  })
})

export const exchangeAssistanceCodeWorkflowId = "customer-suite-exchange-assistance-code"
export const exchangeAssistanceCodeWorkflow = createWorkflow(exchangeAssistanceCodeWorkflowId, (input: { code_hash: string }) => {
  return new WorkflowResponse(exchangeAssistanceCodeStep(input))
})

export const endAssistanceSessionWorkflowId = "customer-suite-end-assistance-session"
/** Ends sessions: one by its id (admin or customer), or every open one of an admin user (deleted user). */
export const endAssistanceSessionWorkflow = createWorkflow(endAssistanceSessionWorkflowId, (input: EndSessionsInput) => {
  return new WorkflowResponse(endAssistanceSessionsStep(input))
})

export const recordAssistanceConsentWorkflowId = "customer-suite-record-assistance-consent"
/**
 * A customer allows or withdraws remote assistance (only from the storefront,
 * as themselves). Withdrawing revokes their open sessions.
 */
export const recordAssistanceConsentWorkflow = createWorkflow(recordAssistanceConsentWorkflowId, (input: { customer_id: string; allowed: boolean }) => {
  const consent = recordAssistanceConsentStep(input)
  const revoked = when("revoke-assistance-on-withdrawal", { input }, ({ input }) => !input.allowed).then(() =>
    endAssistanceSessionsStep(transform({ input }, ({ input }) => ({ customer_id: input.customer_id, reason: "ended_by_customer" as const, ended_by: input.customer_id })))
  )
  return new WorkflowResponse({ consent, revoked_ids: transform({ revoked }, ({ revoked }) => (revoked ?? []).map((s) => s.id)) })
})
