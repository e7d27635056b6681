import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminAudienceListResponse } from "../../../types/http"
import { personalization, toAdminAudiences } from "./helpers"
import type { AdminGetAudiencesParamsType } from "./validators"

/** Audiences by name (`q`), source or id: the content-block and segment pickers read this list. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetAudiencesParamsType>,
  res: MedusaResponse<AdminAudienceListResponse>
) => {
  const { q, source_id, id, offset, limit } = req.validatedQuery as AdminGetAudiencesParamsType
  const [rows, count] = await personalization(req.scope).listAndCountAudiences(
    { ...(q ? { q } : {}), ...(source_id ? { source_id } : {}), ...(id ? { id } : {}) },
    { skip: offset, take: limit, order: { name: "ASC", id: "ASC" } }
  )
  res.json({ audiences: await toAdminAudiences(req.scope, rows), count, offset, limit })
}
