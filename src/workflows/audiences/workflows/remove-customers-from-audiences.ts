import { emitEventStep } from "@medusajs/medusa/core-flows"
import { WorkflowResponse, createWorkflow, transform } from "@medusajs/framework/workflows-sdk"
import { AudienceEvents, audienceMembersChangedPayloads } from "../../../modules/personalization/audience-events"
import { removeCustomersFromAudiencesStep } from "../steps/remove-customers-from-audiences"

export const removeCustomersFromAudiencesWorkflowId = "customer-suite-remove-customers-from-audiences"

/** Deleted customers leave every audience (`audience.members_changed` per audience, so the mirrored groups follow). */
export const removeCustomersFromAudiencesWorkflow = createWorkflow(
  removeCustomersFromAudiencesWorkflowId,
  (input: { customer_ids: string[] }) => {
    const removed = removeCustomersFromAudiencesStep(input.customer_ids)
    const events = transform({ removed }, ({ removed }) => {
      const byAudience = new Map<string, string[]>()
      removed.forEach((m) => byAudience.set(m.audience_id, [...(byAudience.get(m.audience_id) ?? []), m.customer_id]))
      return [...byAudience].flatMap(([audienceId, ids]) => audienceMembersChangedPayloads(audienceId, [], ids))
    })
    emitEventStep({ eventName: AudienceEvents.MEMBERS_CHANGED, data: events })
    return new WorkflowResponse(removed)
  }
)
