import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminAudienceSourceDeleteResponse, AdminAudienceSourceResponse } from "../../../../types/http"
import { deleteAudienceSourcesWorkflow, updateAudienceSourceWorkflow } from "../../../../workflows/audiences"
import { retrieveAdminSource } from "../../audiences/helpers"
import type { AdminUpdateAudienceSourceType } from "../../audiences/validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminAudienceSourceResponse>) => {
  res.json({ audience_source: await retrieveAdminSource(req.scope, req.params.id) })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<AdminUpdateAudienceSourceType>,
  res: MedusaResponse<AdminAudienceSourceResponse>
) => {
  await retrieveAdminSource(req.scope, req.params.id)
  await updateAudienceSourceWorkflow(req.scope).run({ input: { id: req.params.id, ...req.validatedBody } })
  res.json({ audience_source: await retrieveAdminSource(req.scope, req.params.id) })
}

/** Deletes the source, its audiences and memberships (customers leave them; the batch log stays). */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminAudienceSourceDeleteResponse>) => {
  await retrieveAdminSource(req.scope, req.params.id)
  await deleteAudienceSourcesWorkflow(req.scope).run({ input: { ids: [req.params.id] } })
  res.json({ id: req.params.id, object: "audience_source", deleted: true })
}
