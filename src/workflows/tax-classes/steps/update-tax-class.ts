import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import type { TaxClassInput } from "../../../modules/tax_class/service"
import { currentDefaultTaxClass, restoreDefaultTaxClass, taxClassService } from "../utils/tax-class-service"

export type UpdateTaxClassInput = { id: string; update: TaxClassInput }

/** The fields an update can change, as they were. */
type Snapshot = {
  id: string
  name: string
  code: string
  description: string | null
  is_default: boolean
  metadata: Record<string, unknown> | null
}

export const updateTaxClassStepId = "customer-suite-update-tax-class"
/** Updates a class; compensation puts its fields and the type's default back. */
export const updateTaxClassStep = createStep(
  updateTaxClassStepId,
  async (input: UpdateTaxClassInput, { container }) => {
    const before = await taxClassService(container).retrieveTaxClass(input.id)
    const previousDefault = input.update.is_default && !before.is_default ? await currentDefaultTaxClass(container, before.type) : null
    const snapshot: Snapshot = {
      id: before.id,
      name: before.name,
      code: before.code,
      description: before.description,
      is_default: before.is_default,
      metadata: before.metadata,
    }
    try {
      const updated = await taxClassService(container).updateTaxClassWithDefault(input.id, input.update)
      return new StepResponse(updated, { before: snapshot, previousDefault })
    } catch (error) {
      await restoreDefaultTaxClass(container, previousDefault)
      throw error
    }
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const { id, ...fields } = undo.before
    await taxClassService(container).updateTaxClasses({ id, ...fields, is_default: false })
    await restoreDefaultTaxClass(container, undo.previousDefault ?? (undo.before.is_default ? id : null))
  }
)
