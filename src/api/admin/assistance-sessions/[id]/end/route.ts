import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { SHOPPING_ASSISTANCE_MODULE } from "../../../../../modules/shopping_assistance"
import type ShoppingAssistanceModuleService from "../../../../../modules/shopping_assistance/service"
import { endAssistanceSessionWorkflow } from "../../../../../workflows/shopping-assistance"
import { presentSession } from "../../../../utils/assistance"
import { forgetAssistanceSession } from "../../../../utils/assistance-guard"

/** POST /admin/assistance-sessions/:id/end: ends an open session (any admin may); its token stops working. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service = req.scope.resolve<ShoppingAssistanceModuleService>(SHOPPING_ASSISTANCE_MODULE)
  const [session] = await service.listAssistanceSessions({ id: req.params.id })
  if (!session) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Assistance session with id "${req.params.id}" was not found`)
  }
  if (presentSession(session as any).status === "ended") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This session has already ended")
  }
  await endAssistanceSessionWorkflow(req.scope).run({ input: { ids: [session.id], reason: "ended_by_admin", ended_by: req.auth_context.actor_id } })
  forgetAssistanceSession(session.id)
  const [ended] = await service.listAssistanceSessions({ id: session.id })
  res.json({ assistance_session: presentSession(ended as any) })
}
