import { WorkflowResponse, createWorkflow, transform } from "@medusajs/framework/workflows-sdk"
import { syncAudienceCustomerGroupStep } from "../steps/sync-audience-customer-group"
import { updateAudienceStep, type UpdateAudienceStepInput } from "../steps/update-audience"

export const updateAudienceWorkflowId = "customer-suite-update-audience"

/** Turns an audience's group mirror on or off; turned on, the group is filled with the audience's customers at once. */
export const updateAudienceWorkflow = createWorkflow(updateAudienceWorkflowId, (input: UpdateAudienceStepInput) => {
  const updated = updateAudienceStep(input)
  syncAudienceCustomerGroupStep(transform({ updated }, ({ updated }) => ({ audience_id: updated.id })))
  return new WorkflowResponse(updated)
})
