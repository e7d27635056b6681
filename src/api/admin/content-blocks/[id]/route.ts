import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminContentBlockDeleteResponse, AdminContentBlockResponse } from "../../../../types/http/content-block"
import { deleteContentBlocksWorkflow, updateContentBlockWorkflow } from "../../../../workflows/content-blocks"
import { retrieveAdminBlock } from "../helpers"
import type { AdminUpdateContentBlockType } from "../validators"

/** GET /admin/content-blocks/:id */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminContentBlockResponse>) => {
  res.json({ content_block: await retrieveAdminBlock(req.scope, req.params.id) })
}

/** POST /admin/content-blocks/:id: update any field (content cleaned again when it changes). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateContentBlockType>, res: MedusaResponse<AdminContentBlockResponse>) => {
  await retrieveAdminBlock(req.scope, req.params.id)
  await updateContentBlockWorkflow(req.scope).run({ input: { id: req.params.id, update: req.validatedBody } })
  res.json({ content_block: await retrieveAdminBlock(req.scope, req.params.id) })
}

/** DELETE /admin/content-blocks/:id: the block stops showing; its counters stay. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminContentBlockDeleteResponse>) => {
  await retrieveAdminBlock(req.scope, req.params.id)
  await deleteContentBlocksWorkflow(req.scope).run({ input: { ids: [req.params.id] } })
  res.json({ id: req.params.id, object: "content_block", deleted: true })
}
