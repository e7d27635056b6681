import { WorkflowResponse, createWorkflow, transform } from "@medusajs/framework/workflows-sdk"
import { clearCustomerGridPreferencesStep } from "../steps/clear-customer-grid-preferences"
import { updateCustomerGridViewsStep } from "../steps/update-customer-grid-views"
import { validateCustomerGridViewAccessStep } from "../steps/validate-customer-grid-view-access"
import type { GridViewFields } from "../utils/grid-views"

export type UpdateCustomerGridViewWorkflowInput = { id: string; user_id: string; update: Partial<GridViewFields> }

export const updateCustomerGridViewWorkflowId = "customer-suite-update-customer-grid-view"
/**
 * Changes a saved view; only its owner may (403 for another user's shared
 * view, 404 for a view the user cannot see). A view that stops being shared
 * stops being anyone else's default.
 */
export const updateCustomerGridViewWorkflow = createWorkflow(updateCustomerGridViewWorkflowId, (input: UpdateCustomerGridViewWorkflowInput) => {
  const access = transform({ input }, ({ input }) => ({ ids: [input.id], user_id: input.user_id, access: "write" as const }))
  validateCustomerGridViewAccessStep(access)
  const changes = transform({ input }, ({ input }) => [{ id: input.id, update: input.update }])
  const updated = updateCustomerGridViewsStep(changes)
  const unshared = transform({ input }, ({ input }) => ({ view_ids: input.update.shared === false ? [input.id] : [], keep_user_id: input.user_id }))
  clearCustomerGridPreferencesStep(unshared)
  return new WorkflowResponse(transform({ updated }, ({ updated }) => updated[0]))
})
