import { WorkflowResponse, createWorkflow, transform } from "@medusajs/framework/workflows-sdk"
import { setCustomerGridDefaultViewStep, type SetCustomerGridDefaultViewInput } from "../steps/set-customer-grid-default-view"
import { validateCustomerGridViewAccessStep } from "../steps/validate-customer-grid-view-access"

export const setCustomerGridDefaultViewWorkflowId = "customer-suite-set-customer-grid-default-view"
/** The view a staff user's grid opens with: one they can see (own or shared; 400 naming view_id otherwise), or null. */
export const setCustomerGridDefaultViewWorkflow = createWorkflow(setCustomerGridDefaultViewWorkflowId, (input: SetCustomerGridDefaultViewInput) => {
  const access = transform({ input }, ({ input }) => ({
    ids: input.view_id ? [input.view_id] : [],
    user_id: input.user_id,
    access: "read" as const,
    field: "view_id",
  }))
  validateCustomerGridViewAccessStep(access)
  const viewId = setCustomerGridDefaultViewStep(input)
  return new WorkflowResponse(viewId)
})
