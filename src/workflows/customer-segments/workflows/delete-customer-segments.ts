import { emitEventStep } from "@medusajs/medusa/core-flows"
import { WorkflowResponse, createWorkflow, transform } from "@medusajs/framework/workflows-sdk"
import { CustomerSegmentEvents } from "../../../modules/customer_segment/events"
import { deleteCustomerSegmentsStep } from "../steps/delete-customer-segments"
import { purgeCustomerSegmentMembersStep } from "../steps/purge-customer-segment-members"

export type DeleteCustomerSegmentsWorkflowInput = { ids: string[] }

export const deleteCustomerSegmentsWorkflowId = "customer-suite-delete-customer-segments"

/** Deletes segments and the customer groups they manage; customers are untouched. */
export const deleteCustomerSegmentsWorkflow = createWorkflow(
  deleteCustomerSegmentsWorkflowId,
  (input: DeleteCustomerSegmentsWorkflowInput) => {
    const deleted = deleteCustomerSegmentsStep(input.ids)
    const events = transform({ deleted }, ({ deleted }) => deleted.map((id) => ({ id })))
    emitEventStep({ eventName: CustomerSegmentEvents.DELETED, data: events })
    purgeCustomerSegmentMembersStep(deleted)
    return new WorkflowResponse(deleted)
  }
)
