import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StoreCurrentAssistanceSessionResponse } from "../../../../types/http"
import { refetchAssistanceSession } from "../../../admin/assistance-sessions/helpers"
import { assistanceClaims } from "../../../utils/assistance-token"
import { presentSession, usersById } from "../../../utils/assistance"

/**
 * GET /store/assistance-sessions/current: for the storefront's banner. With an
 * assistance token: `{ assistance_session: { id, started_at, expires_at,
 * assisted_by: { first_name, last_name, email } } }`; otherwise `null`.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreCurrentAssistanceSessionResponse>) => {
  const claims = assistanceClaims(req)
  if (!claims) {
    res.json({ assistance_session: null })
    return
  }
  const shown = presentSession(await refetchAssistanceSession(req.scope, claims.assistance_session_id))
  const admin = (await usersById(req.scope, [shown.user_id])).get(shown.user_id)
  res.json({
    assistance_session: {
      id: shown.id,
      status: shown.status,
      started_at: shown.exchanged_at,
      expires_at: shown.expires_at,
      assisted_by: admin ? { first_name: admin.first_name, last_name: admin.last_name, email: admin.email } : null,
    },
  })
}
