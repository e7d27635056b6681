import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { AdminGroupPriceRule } from "../../../types/http"

/** A rule as the API returns it (after a write, re-read with the requested fields); 404 when there is none. */
export async function refetchGroupPriceRule(container: MedusaContainer, id: string, fields: string[]): Promise<AdminGroupPriceRule> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "group_price_rule", fields, filters: { id } })
  if (!data[0]) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Group price rule with id "${id}" was not found`)
  }
  return data[0]
}
