import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SHOPPING_ASSISTANCE_MODULE } from "../../../../../modules/shopping_assistance"
import type ShoppingAssistanceModuleService from "../../../../../modules/shopping_assistance/service"
import type { StoreEndAssistanceSessionResponse } from "../../../../../types/http"
import { endAssistanceSessionWorkflow } from "../../../../../workflows/shopping-assistance"
import { forgetAssistanceSession } from "../../../../utils/assistance-guard"
import { assistanceClaims } from "../../../../utils/assistance-token"

/**
 * POST /store/assistance-sessions/current/end: the customer ends assistance —
 * the session of the assistance token used, or, with their own token, every
 * open session on their account. Its tokens stop working at once.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreEndAssistanceSessionResponse>) => {
  const claims = assistanceClaims(req)
  const customerId = req.auth_context.actor_id
  const ids = claims
    ? [claims.assistance_session_id]
    : (
        await req.scope
          .resolve<ShoppingAssistanceModuleService>(SHOPPING_ASSISTANCE_MODULE)
          .listAssistanceSessions({ customer_id: customerId, status: ["pending", "active"] }, { select: ["id"] })
      ).map((s) => s.id)
  if (ids.length) {
    await endAssistanceSessionWorkflow(req.scope).run({ input: { ids, reason: "ended_by_customer", ended_by: customerId } })
    ids.forEach(forgetAssistanceSession)
  }
  res.json({ ended: ids })
}
