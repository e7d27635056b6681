import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import type { MatrixRow } from "../../../providers/tax-class/apply-matrix"
import { taxClassService } from "../utils/tax-class-service"

/** A matrix row to store: the provider's row shape without its id (code and name optional). */
export type TaxClassRateInput = Omit<MatrixRow, "id" | "code" | "name"> & { code?: string | null; name?: string | null }

export const createTaxClassRateStepId = "customer-suite-create-tax-class-rate"
/** Creates a matrix row; compensation deletes it. */
export const createTaxClassRateStep = createStep(
  createTaxClassRateStepId,
  async (input: TaxClassRateInput, { container }) => {
    const created = await taxClassService(container).createTaxClassRates(input)
    return new StepResponse(created, created.id)
  },
  async (id, { container }) => {
    if (id) {
      await taxClassService(container).deleteTaxClassRates(id)
    }
  }
)
