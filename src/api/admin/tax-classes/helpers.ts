import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { AdminTaxClass } from "../../../types/http"

/** A tax class as the API returns it (after a write, re-read with the requested fields); 404 when there is none. */
export async function refetchTaxClass(container: MedusaContainer, id: string, fields: string[]): Promise<AdminTaxClass> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "tax_class", fields, filters: { id } })
  if (!data[0]) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Tax class with id "${id}" was not found`)
  }
  return data[0]
}
