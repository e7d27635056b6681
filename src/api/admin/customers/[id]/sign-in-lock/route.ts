import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminSignInLockResponse } from "../../../../../types/http"
import { customerForSignIn, signInLockOf } from "./helpers"

/** GET /admin/customers/:id/sign-in-lock: whether sign-ins are refused now (the account, or some clients), and the account's failures. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminSignInLockResponse>) => {
  const customer = await customerForSignIn(req.scope, req.params.id)
  res.json({ sign_in_lock: await signInLockOf(req.scope, customer) })
}
