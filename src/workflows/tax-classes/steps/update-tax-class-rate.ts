import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { taxClassService } from "../utils/tax-class-service"

/** What an existing row can change (its cell, the classes and place, is fixed). */
export type UpdateTaxClassRateInput = { id: string; rate?: number | null; is_exempt?: boolean; code?: string | null; name?: string | null }

export const updateTaxClassRateStepId = "customer-suite-update-tax-class-rate"
/** Updates a matrix row (an exempt row has no rate); compensation puts the previous values back. */
export const updateTaxClassRateStep = createStep(
  updateTaxClassRateStepId,
  async (input: UpdateTaxClassRateInput, { container }) => {
    const tax = taxClassService(container)
    const before = await tax.retrieveTaxClassRate(input.id)
    const next = { ...before, ...input }
    if (!next.is_exempt && (next.rate === null || next.rate === undefined)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "rate: give a rate (0 to 100), or is_exempt: true")
    }
    const updated = await tax.updateTaxClassRates({ ...input, ...(next.is_exempt ? { rate: null } : {}) })
    return new StepResponse(updated, {
      id: before.id,
      rate: before.rate,
      is_exempt: before.is_exempt,
      code: before.code,
      name: before.name,
    })
  },
  async (before, { container }) => {
    if (before) {
      await taxClassService(container).updateTaxClassRates(before)
    }
  }
)
