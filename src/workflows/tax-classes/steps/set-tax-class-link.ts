import type { Link } from "@medusajs/framework/modules-sdk"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { TAX_CLASS_MODULE } from "../../../modules/tax_class"
import type TaxClassModuleService from "../../../modules/tax_class/service"

export type SetTaxClassLinkInput = {
  /** A customer group (customer classes) or a product (product classes). */
  owner: "customer_group" | "product"
  id: string
  tax_class_id: string | null
}

const OWNERS = {
  customer_group: { module: Modules.CUSTOMER, key: "customer_group_id", type: "customer" },
  product: { module: Modules.PRODUCT, key: "product_id", type: "product" },
} as const

export const setTaxClassLinkStepId = "customer-suite-set-tax-class-link"
/**
 * Gives a customer group or a product its tax class (replacing the one it
 * had), or removes it. Compensation puts the previous link back.
 */
export const setTaxClassLinkStep = createStep(
  setTaxClassLinkStepId,
  async (input: SetTaxClassLinkInput, { container }) => {
    const owner = OWNERS[input.owner]
    if (input.tax_class_id) {
      const [taxClass] = await container.resolve<TaxClassModuleService>(TAX_CLASS_MODULE).listTaxClasses({ id: input.tax_class_id })
      if (!taxClass || taxClass.type !== owner.type) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `tax_class_id: no ${owner.type} tax class with the id "${input.tax_class_id}"`)
      }
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: input.owner, fields: ["id", "tax_class.id"], filters: { id: input.id } })
    if (!data[0]) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `${input.owner === "product" ? "Product" : "Customer group"} with id "${input.id}" was not found`)
    }
    const previous: string | null = (data[0] as { tax_class?: { id: string } | null }).tax_class?.id ?? null
    const link = container.resolve<Link>(ContainerRegistrationKeys.LINK)
    const pair = (taxClassId: string) => ({ [owner.module]: { [owner.key]: input.id }, [TAX_CLASS_MODULE]: { tax_class_id: taxClassId } })
    if (previous && previous !== input.tax_class_id) {
      await link.dismiss([pair(previous)])
    }
    if (input.tax_class_id && previous !== input.tax_class_id) {
      await link.create([pair(input.tax_class_id)])
    }
    return new StepResponse({ id: input.id, tax_class_id: input.tax_class_id }, { ...input, previous })
  },
  async (undo, { container }) => {
    if (!undo || undo.previous === undo.tax_class_id) {
      return
    }
    const owner = OWNERS[undo.owner]
    const link = container.resolve<Link>(ContainerRegistrationKeys.LINK)
    const pair = (taxClassId: string) => ({ [owner.module]: { [owner.key]: undo.id }, [TAX_CLASS_MODULE]: { tax_class_id: taxClassId } })
    if (undo.tax_class_id) {
      await link.dismiss([pair(undo.tax_class_id)])
    }
    if (undo.previous) {
      await link.create([pair(undo.previous)])
    }
  }
)
