import { WorkflowResponse, createWorkflow, transform } from "@medusajs/framework/workflows-sdk"
import { createAssistanceSessionStep } from "../steps/create-assistance-session"
import { endAssistanceSessionsStep } from "../steps/end-assistance-sessions"
import { validateAssistanceStartStep } from "../steps/validate-assistance-start"
import type { StartAssistanceInput } from "../types"

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
