import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { previewGroupPrices, toPreviewRule } from "../../../../workflows/group-pricing/preview"
import type { AdminPreviewGroupPriceRuleType } from "../validators"

/** POST /admin/group-price-rules/preview: the preview of an unsaved rule (the create and edit forms). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminPreviewGroupPriceRuleType>, res: MedusaResponse) => {
  const { limit, ...rule } = req.validatedBody
  res.json({ preview: await previewGroupPrices(req.scope, toPreviewRule(rule), { limit }) })
}
