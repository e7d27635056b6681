import type { MedusaContainer } from "@medusajs/framework/types"
import { TAX_CLASS_MODULE } from "../../../modules/tax_class"
import type TaxClassModuleService from "../../../modules/tax_class/service"

type Resolver = Pick<MedusaContainer, "resolve">

export const taxClassService = (container: Resolver) => container.resolve<TaxClassModuleService>(TAX_CLASS_MODULE)

/** The type's current default, to put back if a later step fails. */
export async function currentDefaultTaxClass(container: Resolver, type: "customer" | "product"): Promise<string | null> {
  const [found] = await taxClassService(container).listTaxClasses({ type, is_default: true })
  return found?.id ?? null
}

/** Makes `id` its type's default again (nothing when null). */
export async function restoreDefaultTaxClass(container: Resolver, id: string | null): Promise<void> {
  if (id) {
    await taxClassService(container).updateTaxClassWithDefault(id, { is_default: true })
  }
}
