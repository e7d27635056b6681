import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { taxClassService } from "../utils/tax-class-service"

export const deleteTaxClassRateStepId = "customer-suite-delete-tax-class-rate"
/** Deletes a matrix row (soft delete, restored by compensation). */
export const deleteTaxClassRateStep = createStep(
  deleteTaxClassRateStepId,
  async (input: { id: string }, { container }) => {
    const tax = taxClassService(container)
    const row = await tax.retrieveTaxClassRate(input.id)
    await tax.softDeleteTaxClassRates([row.id])
    return new StepResponse(row.id, row.id)
  },
  async (id, { container }) => {
    if (id) {
      await taxClassService(container).restoreTaxClassRates([id])
    }
  }
)
