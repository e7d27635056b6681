import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { SessionRevocationResponse } from "../../../../../../types/http/customer-activity"
import { revokeSessionsFor } from "../../../../../utils/session-revocations"
import type { StoreRevokeSessionsType } from "../../../../customer-sessions/validators"

/**
 * POST /store/customers/me/sessions/revoke: sign out everywhere. Every token
 * and cookie session of the customer issued until now is refused from here
 * on, this one included; signing in again works at once.
 */
export const POST = async (req: AuthenticatedMedusaRequest<StoreRevokeSessionsType>, res: MedusaResponse<SessionRevocationResponse>) => {
  const customerId = req.auth_context.actor_id
  const revocation = await revokeSessionsFor(req, { customer_id: customerId, reason: "customer", actor_type: "customer", actor_id: customerId })
  res.json({ revocation })
}
