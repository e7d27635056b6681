import { emitEventStep } from "@medusajs/medusa/core-flows"
import { WorkflowResponse, createWorkflow, transform } from "@medusajs/framework/workflows-sdk"
import { CustomerSegmentEvents } from "../../../modules/customer_segment/events"
import { membershipPayloads } from "../membership-events"
import {
  updateCustomerSegmentMembersStep,
  type UpdateCustomerSegmentMembersStepInput,
} from "../steps/update-customer-segment-members"

export const updateCustomerSegmentMembersWorkflowId = "update-customer-segment-members"

/** Adds and removes hand-picked members of a static segment. */
export const updateCustomerSegmentMembersWorkflow = createWorkflow(
  updateCustomerSegmentMembersWorkflowId,
  (input: UpdateCustomerSegmentMembersStepInput) => {
    const applied = updateCustomerSegmentMembersStep(input)
    const events = transform({ applied }, ({ applied }) => membershipPayloads(applied))
    emitEventStep({ eventName: CustomerSegmentEvents.MEMBERSHIP_CHANGED, data: events })
    return new WorkflowResponse(applied)
  }
)
