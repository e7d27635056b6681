import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { SHOPPING_ASSISTANCE_MODULE } from "../../../../modules/shopping_assistance"
import type ShoppingAssistanceModuleService from "../../../../modules/shopping_assistance/service"
import { presentSession, usersById } from "../../../utils/assistance"

/** GET /admin/assistance-sessions/:id: the session with its admin and its action log (oldest first). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service = req.scope.resolve<ShoppingAssistanceModuleService>(SHOPPING_ASSISTANCE_MODULE)
  const [session] = await service.listAssistanceSessions({ id: req.params.id })
  if (!session) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Assistance session with id "${req.params.id}" was not found`)
  }
  const actions = await service.listAssistanceActions({ session_id: session.id }, { order: { created_at: "ASC" }, take: null })
  const users = await usersById(req.scope, [session.user_id])
  res.json({ assistance_session: { ...presentSession(session as any), user: users.get(session.user_id) ?? null, actions } })
}
