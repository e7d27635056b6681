import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { AdminAssistanceSessionResponse } from "../../../../../types/http"
import { endAssistanceSessionWorkflow } from "../../../../../workflows/shopping-assistance"
import { presentSession } from "../../../../utils/assistance"
import { forgetAssistanceSession } from "../../../../utils/assistance-guard"
import { refetchAssistanceSession } from "../../helpers"

/** POST /admin/assistance-sessions/:id/end: ends an open session (any admin may); its token stops working. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminAssistanceSessionResponse>) => {
  const session = await refetchAssistanceSession(req.scope, req.params.id)
  if (presentSession(session).status === "ended") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This session has already ended")
  }
  await endAssistanceSessionWorkflow(req.scope).run({ input: { ids: [session.id], reason: "ended_by_admin", ended_by: req.auth_context.actor_id } })
  forgetAssistanceSession(session.id)
  res.json({ assistance_session: presentSession(await refetchAssistanceSession(req.scope, session.id)) })
}
