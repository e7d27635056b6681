import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { TAX_CLASS_MODULE } from "../../../modules/tax_class"
import type TaxClassModuleService from "../../../modules/tax_class/service"
import type { TaxClassInput } from "../../../modules/tax_class/service"
import type { MatrixRow } from "../../../providers/tax-class/apply-matrix"

const service = (container: { resolve: <T>(key: string) => T }) => container.resolve<TaxClassModuleService>(TAX_CLASS_MODULE)

type Snapshot = {
  id: string
  name: string
  code: string
  description: string | null
  is_default: boolean
  metadata: Record<string, unknown> | null
}
const snapshot = (c: Snapshot): Snapshot => ({
  id: c.id,
  name: c.name,
  code: c.code,
  description: c.description,
  is_default: c.is_default,
  metadata: c.metadata,
})

/** The type's current default, to put back if a later step fails. */
async function currentDefault(container: Parameters<typeof service>[0], type: "customer" | "product") {
  const [found] = await service(container).listTaxClasses({ type, is_default: true })
  return found?.id ?? null
}

async function restoreDefault(container: Parameters<typeof service>[0], id: string | null) {
  if (id) {
    await service(container).updateTaxClassWithDefault(id, { is_default: true })
  }
}

export const createTaxClassStepId = "customer-suite-create-tax-class"
/** Creates a class; compensation deletes it and gives the type its previous default back. */
export const createTaxClassStep = createStep(
  createTaxClassStepId,
  async (input: TaxClassInput & { type: "customer" | "product" }, { container }) => {
    const previousDefault = input.is_default ? await currentDefault(container, input.type) : null
    try {
      const created = await service(container).createTaxClassWithDefault(input)
      return new StepResponse(created, { id: created.id, previousDefault })
    } catch (error) {
      // The previous default was cleared before the create failed.
      await restoreDefault(container, previousDefault)
      throw error
    }
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    await service(container).deleteTaxClasses(undo.id)
    await restoreDefault(container, undo.previousDefault)
  }
)

export const updateTaxClassStepId = "customer-suite-update-tax-class"
/** Updates a class; compensation puts its fields and the type's default back. */
export const updateTaxClassStep = createStep(
  updateTaxClassStepId,
  async (input: { id: string; update: TaxClassInput }, { container }) => {
    const before = await service(container).retrieveTaxClass(input.id)
    const previousDefault = input.update.is_default && !before.is_default ? await currentDefault(container, before.type) : null
    try {
      const updated = await service(container).updateTaxClassWithDefault(input.id, input.update)
      return new StepResponse(updated, { before: snapshot(before as Snapshot), previousDefault })
    } catch (error) {
      await restoreDefault(container, previousDefault)
      throw error
    }
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const { id, ...fields } = undo.before
    await service(container).updateTaxClasses({ id, ...fields, is_default: false })
    await restoreDefault(container, undo.previousDefault ?? (undo.before.is_default ? id : null))
  }
)

export const deleteTaxClassStepId = "customer-suite-delete-tax-class"
/** Deletes a class no matrix row uses (soft delete, restored by compensation). */
export const deleteTaxClassStep = createStep(
  deleteTaxClassStepId,
  async (input: { id: string }, { container }) => {
    const tax = service(container)
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
      await service(container).restoreTaxClasses([id])
    }
  }
)

/** A matrix row to store: the provider's row shape without its id (code and name optional). */
export type TaxClassRateInput = Omit<MatrixRow, "id" | "code" | "name"> & { code?: string | null; name?: string | null }

export const createTaxClassRateStepId = "customer-suite-create-tax-class-rate"
export const createTaxClassRateStep = createStep(
  createTaxClassRateStepId,
  async (input: TaxClassRateInput, { container }) => {
    const created = await service(container).createTaxClassRates(input)
    return new StepResponse(created, created.id)
  },
  async (id, { container }) => {
    if (id) {
      await service(container).deleteTaxClassRates(id)
    }
  }
)

export const updateTaxClassRateStepId = "customer-suite-update-tax-class-rate"
export const updateTaxClassRateStep = createStep(
  updateTaxClassRateStepId,
  async (input: { id: string; rate?: number | null; is_exempt?: boolean; code?: string | null; name?: string | null }, { container }) => {
    const tax = service(container)
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
      await service(container).updateTaxClassRates(before)
    }
  }
)

export const deleteTaxClassRateStepId = "customer-suite-delete-tax-class-rate"
export const deleteTaxClassRateStep = createStep(
  deleteTaxClassRateStepId,
  async (input: { id: string }, { container }) => {
    const tax = service(container)
    const row = await tax.retrieveTaxClassRate(input.id)
    await tax.softDeleteTaxClassRates([row.id])
    return new StepResponse(row.id, row.id)
  },
  async (id, { container }) => {
    if (id) {
      await service(container).restoreTaxClassRates([id])
    }
  }
)
