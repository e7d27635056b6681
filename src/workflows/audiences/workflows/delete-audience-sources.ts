import { emitEventStep } from "@medusajs/medusa/core-flows"
import { WorkflowResponse, createWorkflow, transform } from "@medusajs/framework/workflows-sdk"
import { AudienceEvents, audienceMembersChangedPayloads } from "../../../modules/personalization/audience-events"
import { deleteAudienceSourcesStep } from "../steps/delete-audience-sources"

export const deleteAudienceSourcesWorkflowId = "customer-suite-delete-audience-sources"

/**
 * Deletes sources, their audiences and memberships; the customers leave
 * those audiences (`audience.members_changed`, so segments follow).
 */
export const deleteAudienceSourcesWorkflow = createWorkflow(deleteAudienceSourcesWorkflowId, (input: { ids: string[] }) => {
  const deleted = deleteAudienceSourcesStep(input.ids)
  const events = transform({ deleted }, ({ deleted }) =>
    deleted.removed.flatMap((r) => audienceMembersChangedPayloads(r.audience_id, [], r.customer_ids))
  )
  emitEventStep({ eventName: AudienceEvents.MEMBERS_CHANGED, data: events })
  return new WorkflowResponse(deleted)
})
