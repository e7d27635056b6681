import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminAudienceResponse } from "../../../../types/http"
import { updateAudienceWorkflow } from "../../../../workflows/audiences"
import { listAdminAudienceMembers, retrieveAdminAudience } from "../helpers"
import type { AdminGetAudienceMembersParamsType, AdminUpdateAudienceType } from "../validators"

/** The audience with a page of its members (`offset`, `limit`). */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetAudienceMembersParamsType>,
  res: MedusaResponse<AdminAudienceResponse>
) => {
  const audience = await retrieveAdminAudience(req.scope, req.params.id)
  const { offset, limit } = req.validatedQuery as AdminGetAudienceMembersParamsType
  res.json({ audience, members: await listAdminAudienceMembers(req.scope, audience.id, offset, limit) })
}

/** Turns the mirror into a managed customer group on or off. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateAudienceType>, res: MedusaResponse<AdminAudienceResponse>) => {
  await retrieveAdminAudience(req.scope, req.params.id)
  await updateAudienceWorkflow(req.scope).run({ input: { id: req.params.id, ...req.validatedBody } })
  const audience = await retrieveAdminAudience(req.scope, req.params.id)
  res.json({ audience, members: await listAdminAudienceMembers(req.scope, audience.id, 0, 50) })
}
