import { emitEventStep } from "@medusajs/medusa/core-flows"
import { WorkflowResponse, createWorkflow, transform } from "@medusajs/framework/workflows-sdk"
import { AudienceEvents, audienceMembersChangedPayloads } from "../../../modules/personalization/audience-events"
import { applyAudienceBatchStep } from "../steps/apply-audience-batch"
import { resolveAudienceMembersStep } from "../steps/resolve-audience-members"
import type { AudienceBatchInput } from "../types"

export const applyAudienceBatchWorkflowId = "customer-suite-apply-audience-batch"

/**
 * A batch from a CDP, whole or not at all: its members resolved to known
 * customers (unknown ones counted, never created), applied in one
 * transaction, then `audience.members_changed` for the customers whose
 * membership moved (segments and the mirrored group follow it).
 */
export const applyAudienceBatchWorkflow = createWorkflow(applyAudienceBatchWorkflowId, (input: AudienceBatchInput) => {
  const resolved = resolveAudienceMembersStep(transform({ input }, ({ input }) => ({ add: input.add, remove: input.remove })))
  const applied = applyAudienceBatchStep(
    transform({ input, resolved }, ({ input, resolved }) => ({
      source_id: input.source_id,
      batch_id: input.batch_id,
      sent_at: input.sent_at,
      audience: { external_id: input.audience.id, name: input.audience.name },
      add_customer_ids: resolved.add_customer_ids,
      remove_customer_ids: resolved.remove_customer_ids,
      unknown: resolved.unknown,
    }))
  )
  const events = transform({ applied }, ({ applied }) =>
    audienceMembersChangedPayloads(applied.result.audience.id, applied.added_customer_ids, applied.removed_customer_ids)
  )
  emitEventStep({ eventName: AudienceEvents.MEMBERS_CHANGED, data: events })
  return new WorkflowResponse(transform({ applied }, ({ applied }) => applied.result))
})
