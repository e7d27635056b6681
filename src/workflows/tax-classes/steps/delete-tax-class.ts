import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { taxClassService } from "../utils/tax-class-service"

export const deleteTaxClassStepId = "customer-suite-delete-tax-class"
/** Deletes a class no matrix row uses (soft delete, restored by compensation). */
export const deleteTaxClassStep = createStep(
  deleteTaxClassStepId,
  async (input: { id: string }, { container }) => {
    const tax = taxClassService(container)
    const taxClass = await tax.retrieveTaxClass(input.id)
    const column = taxClass.type === "customer" ? "customer_class_id" : "product_class_id"
    const [, used] = await tax.listAndCountTaxClassRates({ [column]: taxClass.id }, { take: 1 })
    if (used > 0) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `id: ${used} tax class rate(s) use this class; delete them first`)
    }
    await tax.softDeleteTaxClasses([taxClass.id])
    return new StepResponse(taxClass.id, taxClass.id)
  },
  async (id, { container }) => {
    if (id) {
      await taxClassService(container).restoreTaxClasses([id])
    }
  }
)
