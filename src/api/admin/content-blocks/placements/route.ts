import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PERSONALIZATION_MODULE } from "../../../../modules/personalization"
import type PersonalizationModuleService from "../../../../modules/personalization/service"
import type { AdminContentBlockPlacementsResponse } from "../../../../types/http/content-block"

/** GET /admin/content-blocks/placements: the placement keys in use, with their block counts. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminContentBlockPlacementsResponse>) => {
  const service = req.scope.resolve<PersonalizationModuleService>(PERSONALIZATION_MODULE)
  res.json({ placements: await service.listContentBlockPlacements() })
}
