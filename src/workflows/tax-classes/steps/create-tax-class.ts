import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import type { TaxClassInput } from "../../../modules/tax_class/service"
import { currentDefaultTaxClass, restoreDefaultTaxClass, taxClassService } from "../utils/tax-class-service"

export type CreateTaxClassInput = TaxClassInput & { type: "customer" | "product" }

export const createTaxClassStepId = "customer-suite-create-tax-class"
/** Creates a class; compensation deletes it and gives the type its previous default back. */
export const createTaxClassStep = createStep(
  createTaxClassStepId,
  async (input: CreateTaxClassInput, { container }) => {
    const previousDefault = input.is_default ? await currentDefaultTaxClass(container, input.type) : null
    try {
      const created = await taxClassService(container).createTaxClassWithDefault(input)
      return new StepResponse(created, { id: created.id, previousDefault })
    } catch (error) {
      // The previous default was cleared before the create failed.
      await restoreDefaultTaxClass(container, previousDefault)
      throw error
    }
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    await taxClassService(container).deleteTaxClasses(undo.id)
    await restoreDefaultTaxClass(container, undo.previousDefault)
  }
)
