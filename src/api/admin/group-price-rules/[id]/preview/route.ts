import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminGroupPricePreviewResponse } from "../../../../../types/http"
import { previewGroupPrices, toPreviewRule } from "../../../../../workflows/group-pricing"
import { refetchGroupPriceRule } from "../../helpers"
import type { AdminGroupPricePreviewParamsType } from "../../validators"

/** GET /admin/group-price-rules/:id/preview?limit=5&product_id=…: base, group and tier prices of a few products in scope. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGroupPricePreviewParamsType>,
  res: MedusaResponse<AdminGroupPricePreviewResponse>
) => {
  const rule = await refetchGroupPriceRule(req.scope, req.params.id, ["adjustment_type", "percentage", "amounts", "tiers", "scope_type", "scope_ids"])
  const { limit, product_id } = req.validatedQuery
  const preview = await previewGroupPrices(req.scope, toPreviewRule(rule), {
    limit,
    product_ids: product_id === undefined ? undefined : ([] as string[]).concat(product_id),
  })
  res.json({ preview })
}
