import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { SessionRevocationResponse } from "../../../../../../types/http/customer-activity"
import { revokeSessionsFor } from "../../../../../utils/session-revocations"
import type { AdminRevokeSessionsType } from "../../../../customer-sessions/validators"

/**
 * POST /admin/customers/:id/sessions/revoke: staff sign the customer out
 * everywhere (404 for an unknown customer). Recorded in the security log with
 * the staff user.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminRevokeSessionsType>, res: MedusaResponse<SessionRevocationResponse>) => {
  const revocation = await revokeSessionsFor(req, { customer_id: req.params.id, reason: "staff", actor_type: "user", actor_id: req.auth_context.actor_id })
  res.json({ revocation })
}
