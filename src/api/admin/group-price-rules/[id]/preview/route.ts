import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { GROUP_PRICING_MODULE } from "../../../../../modules/group_pricing"
import type GroupPricingModuleService from "../../../../../modules/group_pricing/service"
import { previewGroupPrices, toPreviewRule } from "../../../../../workflows/group-pricing/preview"
import type { AdminGroupPricePreviewParamsType } from "../../validators"

/** GET /admin/group-price-rules/:id/preview?limit=5&product_id=…: base, group and tier prices of a few products in scope. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGroupPricePreviewParamsType>, res: MedusaResponse) => {
  const service = req.scope.resolve<GroupPricingModuleService>(GROUP_PRICING_MODULE)
  const rule = await service.retrieveGroupPriceRule(req.params.id)
  const { limit, product_id } = req.validatedQuery
  const preview = await previewGroupPrices(req.scope, toPreviewRule(rule), {
    limit,
    product_ids: product_id === undefined ? undefined : ([] as string[]).concat(product_id),
  })
  res.json({ preview })
}
