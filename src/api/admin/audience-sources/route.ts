import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminAudienceSourceListResponse, AdminAudienceSourceWithSecretResponse } from "../../../types/http"
import { createAudienceSourcesWorkflow } from "../../../workflows/audiences"
import { personalization, retrieveAdminSource, toAdminSources } from "../audiences/helpers"
import type { AdminCreateAudienceSourceType, AdminGetAudienceSourcesParamsType } from "../audiences/validators"

export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetAudienceSourcesParamsType>,
  res: MedusaResponse<AdminAudienceSourceListResponse>
) => {
  const { q, offset, limit } = req.validatedQuery as AdminGetAudienceSourcesParamsType
  const [sources, count] = await personalization(req.scope).listAndCountAudienceSources(q ? { q } : {}, {
    skip: offset,
    take: limit,
    order: { name: "ASC", id: "ASC" },
  })
  res.json({ audience_sources: await toAdminSources(req.scope, sources), count, offset, limit })
}

/** Creates a source; the answer carries its secret, the only time it is shown. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCreateAudienceSourceType>,
  res: MedusaResponse<AdminAudienceSourceWithSecretResponse>
) => {
  const { result } = await createAudienceSourcesWorkflow(req.scope).run({ input: { sources: [{ name: req.validatedBody.name }] } })
  const [created] = result
  res.status(201).json({ audience_source: await retrieveAdminSource(req.scope, created.id), secret: created.secret })
}
