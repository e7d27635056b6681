import { emitEventStep } from "@medusajs/medusa/core-flows"
import { WorkflowResponse, createWorkflow, transform } from "@medusajs/framework/workflows-sdk"
import { CustomerSegmentEvents } from "../../../modules/customer_segment/events"
import { membershipPayloads } from "../utils/membership-events"
import { evaluateCustomerSegmentsStep } from "../steps/evaluate-customer-segments"
import {
  updateCustomerSegmentMembersStep,
  type UpdateCustomerSegmentMembersStepInput,
} from "../steps/update-customer-segment-members"

export const updateCustomerSegmentMembersWorkflowId = "customer-suite-update-customer-segment-members"

/**
 * Adds and removes hand-picked members of a static segment; the segments
 * whose rules read segment membership are evaluated again for those customers.
 */
export const updateCustomerSegmentMembersWorkflow = createWorkflow(
  updateCustomerSegmentMembersWorkflowId,
  (input: UpdateCustomerSegmentMembersStepInput) => {
    const applied = updateCustomerSegmentMembersStep(input)
    const changes = transform({ applied }, ({ applied }) =>
      [...new Set(applied.flatMap((c) => [...c.added, ...c.removed]))].map((customer_id) => ({
        customer_id,
        changed: ["segments"],
      }))
    )
    const readers = evaluateCustomerSegmentsStep(changes)
    const events = transform({ applied, readers }, ({ applied, readers }) => membershipPayloads([...applied, ...readers]))
    emitEventStep({ eventName: CustomerSegmentEvents.MEMBERSHIP_CHANGED, data: events })
    return new WorkflowResponse(applied)
  }
)
