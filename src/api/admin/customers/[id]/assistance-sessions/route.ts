import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { hashCode, newCode } from "../../../../../modules/shopping_assistance/service"
import type { AdminStartAssistanceSessionResponse } from "../../../../../types/http"
import { startAssistanceSessionWorkflow } from "../../../../../workflows/shopping-assistance"
import { presentSession } from "../../../../utils/assistance"
import { forgetAssistanceSession } from "../../../../utils/assistance-guard"
import { refetchAssistanceSession } from "../../../assistance-sessions/helpers"
import type { AdminStartAssistanceSessionType } from "../../../assistance-sessions/validators"

/**
 * POST /admin/customers/:id/assistance-sessions { reason }: log in as this
 * customer. Answers the session, the one-time `code` (shown once, stored only
 * as a hash, valid `code_ttl_seconds`), its expiry and the storefront `link`.
 * The admin's previous open session ends.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminStartAssistanceSessionType>, res: MedusaResponse<AdminStartAssistanceSessionResponse>) => {
  const code = newCode()
  const { result } = await startAssistanceSessionWorkflow(req.scope).run({
    input: { customer_id: req.params.id, user_id: req.auth_context.actor_id, reason: req.validatedBody.reason ?? null, code_hash: hashCode(code) },
  })
  result.superseded_ids.forEach(forgetAssistanceSession)
  const session = presentSession(await refetchAssistanceSession(req.scope, result.session.id))
  res.status(201).json({
    assistance_session: session,
    code,
    code_expires_at: session.code_expires_at,
    link: result.storefront_url ? result.storefront_url.replace("{code}", encodeURIComponent(code)) : null,
  })
}
