import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { renderContent } from "../../../../modules/personalization/content-blocks/content"
import type { AdminRenderContentBlockResponse } from "../../../../types/http/content-block"
import type { AdminRenderContentBlockType } from "../validators"

/**
 * POST /admin/content-blocks/render { format, content }: the form's live
 * preview, with the sanitiser of save (Markdown rendered by marked, then
 * cleaned; JSON pretty-printed).
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminRenderContentBlockType>, res: MedusaResponse<AdminRenderContentBlockResponse>) => {
  res.json({ html: renderContent(req.validatedBody.format, req.validatedBody.content) })
}
