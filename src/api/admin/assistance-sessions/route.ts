import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SHOPPING_ASSISTANCE_MODULE } from "../../../modules/shopping_assistance"
import type ShoppingAssistanceModuleService from "../../../modules/shopping_assistance/service"
import type { AdminAssistanceSessionListResponse } from "../../../types/http"
import { presentSession, sessionFilters, usersById, type StoredSession } from "../../utils/assistance"
import { listPage } from "../../utils/list-page"
import { defaultAdminAssistanceSessionOrder } from "./query-config"
import type { AdminGetAssistanceSessionsParamsType } from "./validators"

/**
 * GET /admin/assistance-sessions: sessions, newest first, with the admin, the
 * number of logged actions; filters user_id, customer_id, status (as shown:
 * time limits applied), created_after, created_before.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetAssistanceSessionsParamsType>,
  res: MedusaResponse<AdminAssistanceSessionListResponse>
) => {
  const now = new Date()
  const { rows: sessions, ...page } = await listPage<StoredSession>(
    req,
    "assistance_session",
    sessionFilters(req.validatedQuery, now),
    defaultAdminAssistanceSessionOrder
  )
  const service = req.scope.resolve<ShoppingAssistanceModuleService>(SHOPPING_ASSISTANCE_MODULE)
  const actions = sessions.length ? await service.listAssistanceActions({ session_id: sessions.map((s) => s.id) }, { select: ["id", "session_id"], take: null }) : []
  const users = await usersById(req.scope, sessions.map((s) => s.user_id))
  res.json({
    assistance_sessions: sessions.map((s) => ({
      ...presentSession(s, now),
      user: users.get(s.user_id) ?? null,
      actions_count: actions.filter((a) => a.session_id === s.id).length,
    })),
    ...page,
  })
}
