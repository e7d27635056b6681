import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { applyBulkAction, type ApplyBulkActionInput } from "../utils/actions"

export const applyCustomerBulkActionStepId = "customer-suite-apply-customer-bulk-action"
/**
 * Applies a bulk action to one batch of customers through the workflows that
 * do it for one customer or one list (see utils/actions). Each customer
 * succeeds or fails on its own and what succeeded stays done, so there is no
 * compensation: each inner workflow undoes only its own failed run.
 */
export const applyCustomerBulkActionStep = createStep(applyCustomerBulkActionStepId, async (input: ApplyBulkActionInput, { container }) => {
  return new StepResponse(await applyBulkAction(container, input))
})
