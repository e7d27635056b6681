import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { ASSISTANCE_SESSION_FIELDS, type StoredSession } from "../../utils/assistance"

/** A stored session (never its code hash); 404 when there is none. */
export async function refetchAssistanceSession(container: MedusaContainer, id: string): Promise<StoredSession> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "assistance_session", fields: [...ASSISTANCE_SESSION_FIELDS], filters: { id } })
  if (!data[0]) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Assistance session with id "${id}" was not found`)
  }
  return data[0]
}
