import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminCustomerGridViewsResponse } from "../../../../../types/http/customer-grid"
import { setCustomerGridDefaultViewWorkflow } from "../../../../../workflows/customer-grid"
import { gridViewsOf } from "../helpers"
import type { AdminSetDefaultGridViewType } from "../validators"

/** POST /admin/customer-suite/grid-views/default: the view the user's grid opens with (own or shared), or null; answers the list. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminSetDefaultGridViewType>, res: MedusaResponse<AdminCustomerGridViewsResponse>) => {
  const userId = req.auth_context.actor_id
  await setCustomerGridDefaultViewWorkflow(req.scope).run({ input: { user_id: userId, view_id: req.validatedBody.view_id } })
  res.json(await gridViewsOf(req.scope, userId))
}
