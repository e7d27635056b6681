import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SHOPPING_ASSISTANCE_MODULE } from "../../../../modules/shopping_assistance"
import type ShoppingAssistanceModuleService from "../../../../modules/shopping_assistance/service"
import type { AdminAssistanceAction, AdminAssistanceSessionDetailResponse } from "../../../../types/http"
import { presentSession, usersById } from "../../../utils/assistance"
import { refetchAssistanceSession } from "../helpers"

/** GET /admin/assistance-sessions/:id: the session with its admin and its action log (oldest first). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminAssistanceSessionDetailResponse>) => {
  const session = await refetchAssistanceSession(req.scope, req.params.id)
  const service = req.scope.resolve<ShoppingAssistanceModuleService>(SHOPPING_ASSISTANCE_MODULE)
  const actions = await service.listAssistanceActions({ session_id: session.id }, { order: { created_at: "ASC" }, take: null })
  const users = await usersById(req.scope, [session.user_id])
  res.json({
    assistance_session: {
      ...presentSession(session),
      user: users.get(session.user_id) ?? null,
      actions: actions.map(
        (a): AdminAssistanceAction => ({
          ...a,
          created_at: a.created_at.toISOString(),
          updated_at: a.updated_at.toISOString(),
          deleted_at: a.deleted_at?.toISOString() ?? null,
        })
      ),
    },
  })
}
