import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SHOPPING_ASSISTANCE_MODULE } from "../../../../../modules/shopping_assistance"
import type ShoppingAssistanceModuleService from "../../../../../modules/shopping_assistance/service"
import type { AdminAssistanceConsentResponse } from "../../../../../types/http"

/** GET /admin/customers/:id/assistance-consent: the customer's answer and its history (read only: only the customer gives it). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminAssistanceConsentResponse>) => {
  const service = req.scope.resolve<ShoppingAssistanceModuleService>(SHOPPING_ASSISTANCE_MODULE)
  const history = await service.listAssistanceConsents({ customer_id: req.params.id }, { order: { created_at: "DESC" }, take: 20 })
  res.json({
    assistance_consent: { allowed: history[0]?.allowed ?? false, updated_at: history[0]?.created_at.toISOString() ?? null },
    history: history.map((h) => ({ allowed: h.allowed, actor_type: h.actor_type, actor_id: h.actor_id, created_at: h.created_at.toISOString() })),
  })
}
