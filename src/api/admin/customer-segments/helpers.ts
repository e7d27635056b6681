import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { AdminCustomerSegment } from "../../../types/http"

/** A segment as the API returns it (after a write, re-read with the requested fields). */
export async function refetchCustomerSegment(container: MedusaContainer, id: string, fields: string[]): Promise<AdminCustomerSegment> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "customer_segment", fields, filters: { id } })
  if (!data[0]) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer segment with id "${id}" was not found`)
  }
  return data[0]
}

/** Throws NOT_FOUND unless the customer exists. */
export async function assertCustomerExists(container: MedusaContainer, id: string): Promise<void> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "customer", fields: ["id"], filters: { id } })
  if (!data[0]) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer with id "${id}" was not found`)
  }
}
