import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminGroupPricePreviewResponse } from "../../../../types/http"
import { previewGroupPrices, toPreviewRule } from "../../../../workflows/group-pricing"
import type { AdminPreviewGroupPriceRuleType } from "../validators"

/** POST /admin/group-price-rules/preview: the preview of an unsaved rule (the create and edit forms). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminPreviewGroupPriceRuleType>, res: MedusaResponse<AdminGroupPricePreviewResponse>) => {
  const { limit, ...rule } = req.validatedBody
  res.json({ preview: await previewGroupPrices(req.scope, toPreviewRule(rule), { limit }) })
}
