import { WorkflowResponse, createWorkflow, transform } from "@medusajs/framework/workflows-sdk"
import { clearCustomerGridPreferencesStep } from "../steps/clear-customer-grid-preferences"
import { deleteCustomerGridViewsStep } from "../steps/delete-customer-grid-views"
import { validateCustomerGridViewAccessStep } from "../steps/validate-customer-grid-view-access"

export type DeleteCustomerGridViewsWorkflowInput = { ids: string[]; user_id: string }

export const deleteCustomerGridViewsWorkflowId = "customer-suite-delete-customer-grid-views"
/** Deletes the user's own saved views; every user whose default one of them was goes back to the grid's built-in default. */
export const deleteCustomerGridViewsWorkflow = createWorkflow(deleteCustomerGridViewsWorkflowId, (input: DeleteCustomerGridViewsWorkflowInput) => {
  const access = transform({ input }, ({ input }) => ({ ids: input.ids, user_id: input.user_id, access: "write" as const }))
  validateCustomerGridViewAccessStep(access)
  clearCustomerGridPreferencesStep(transform({ input }, ({ input }) => ({ view_ids: input.ids, keep_user_id: null })))
  const ids = deleteCustomerGridViewsStep(input.ids)
  return new WorkflowResponse(ids)
})
