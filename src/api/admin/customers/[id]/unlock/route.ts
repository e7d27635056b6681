import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { clientIp } from "../../../../../modules/customer_activity/client-ip"
import type { AdminSignInLockResponse } from "../../../../../types/http"
import { unlockCustomerSignInWorkflow } from "../../../../../workflows/sign-in-protection"
import { activitySettings } from "../../../../utils/activity-settings"
import { customerForSignIn, signInLockOf } from "../sign-in-lock/helpers"
import type { AdminUnlockCustomerType } from "../sign-in-lock/validators"

/**
 * POST /admin/customers/:id/unlock: the account can sign in again at once,
 * from everywhere (its failure counts start again); logged with the staff
 * user. Answers the new state. An IP's own limit across accounts stays.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUnlockCustomerType>, res: MedusaResponse<AdminSignInLockResponse>) => {
  const customer = await customerForSignIn(req.scope, req.params.id)
  const settings = await activitySettings(req.scope)
  const userAgent = req.headers["user-agent"]
  await unlockCustomerSignInWorkflow(req.scope).run({
    input: {
      customer_id: customer.id,
      email: customer.email,
      actor_id: req.auth_context.actor_id,
      ip: clientIp(req, settings.trusted_proxies) || null,
      user_agent: typeof userAgent === "string" ? userAgent.slice(0, 512) : null,
    },
  })
  res.json({ sign_in_lock: await signInLockOf(req.scope, customer) })
}
