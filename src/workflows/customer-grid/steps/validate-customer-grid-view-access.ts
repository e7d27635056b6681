import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { visibleGridView, type GridViewRow } from "../utils/grid-views"

export type ValidateCustomerGridViewAccessInput = {
  ids: string[]
  user_id: string
  /** read: own or shared; write: own. */
  access: "read" | "write"
  /** When the ids come from a request body field: an unknown or invisible view is a 400 naming it, not a 404. */
  field?: string
}

export const validateCustomerGridViewAccessStepId = "customer-suite-validate-customer-grid-view-access"
/**
 * Checks that the user may see (read) or change (write) each view: another
 * user's private view is answered as not found, another user's shared view
 * as forbidden to change. Writes nothing.
 */
export const validateCustomerGridViewAccessStep = createStep(
  validateCustomerGridViewAccessStepId,
  async (input: ValidateCustomerGridViewAccessInput, { container }) => {
    const views: GridViewRow[] = []
    for (const id of input.ids) {
      const view = await visibleGridView(container, id, input.user_id)
      if (!view) {
        throw input.field
          ? new MedusaError(MedusaError.Types.INVALID_DATA, `${input.field}: no saved view with id "${id}" that you can see`)
          : new MedusaError(MedusaError.Types.NOT_FOUND, `Saved view with id "${id}" was not found`)
      }
      if (input.access === "write" && view.owner_user_id !== input.user_id) {
        throw new MedusaError(MedusaError.Types.FORBIDDEN, `Saved view "${view.name}" is shared by another user: only its owner can change or delete it`)
      }
      views.push(view)
    }
    return new StepResponse(views)
  }
)
