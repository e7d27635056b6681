import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { customerSuiteService } from "../utils/grid-views"

export const deleteCustomerGridViewsStepId = "customer-suite-delete-customer-grid-views"
/** Deletes saved views (soft delete, restored by compensation). */
export const deleteCustomerGridViewsStep = createStep(
  deleteCustomerGridViewsStepId,
  async (ids: string[], { container }) => {
    if (ids.length) {
      await customerSuiteService(container).softDeleteCustomerGridViews(ids)
    }
    return new StepResponse(ids, ids)
  },
  async (ids, { container }) => {
    if (ids?.length) {
      await customerSuiteService(container).restoreCustomerGridViews(ids)
    }
  }
)
