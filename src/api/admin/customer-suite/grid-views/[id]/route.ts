import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminCustomerGridViewResponse } from "../../../../../types/http/customer-grid"
import type { DeleteResponse } from "../../../../../types/http"
import { deleteCustomerGridViewsWorkflow, updateCustomerGridViewWorkflow } from "../../../../../workflows/customer-grid"
import { gridViewFor } from "../helpers"
import type { AdminUpdateGridViewType } from "../validators"

/** GET /admin/customer-suite/grid-views/:id: the user's own view or a shared one (404 otherwise). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminCustomerGridViewResponse>) => {
  res.json({ view: await gridViewFor(req.scope, req.params.id, req.auth_context.actor_id) })
}

/** POST /admin/customer-suite/grid-views/:id: the owner changes the fields sent (403 for another user's shared view). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateGridViewType>, res: MedusaResponse<AdminCustomerGridViewResponse>) => {
  const userId = req.auth_context.actor_id
  await updateCustomerGridViewWorkflow(req.scope).run({ input: { id: req.params.id, user_id: userId, update: req.validatedBody } })
  res.json({ view: await gridViewFor(req.scope, req.params.id, userId) })
}

/** DELETE /admin/customer-suite/grid-views/:id: the owner deletes it; it stops being anyone's default. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<DeleteResponse<"customer_grid_view">>) => {
  await deleteCustomerGridViewsWorkflow(req.scope).run({ input: { ids: [req.params.id], user_id: req.auth_context.actor_id } })
  res.json({ id: req.params.id, object: "customer_grid_view", deleted: true })
}
