import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { AdminTaxClass } from "../../../types/http"

const LABELS = { customer_group: "Customer group", product: "Product" } as const

/** The tax class linked to a customer group or product (null: none, the type's default applies); 404 for an unknown id. */
export async function taxClassOf(scope: MedusaContainer, entity: "customer_group" | "product", id: string): Promise<AdminTaxClass | null> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity, fields: ["id", "tax_class.*"], filters: { id } })
  const [owner] = data as { id: string; tax_class?: AdminTaxClass | null }[]
  if (!owner) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `${LABELS[entity]} with id "${id}" was not found`)
  }
  return owner.tax_class ?? null
}
