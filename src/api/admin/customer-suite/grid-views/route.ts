import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminCustomerGridViewResponse, AdminCustomerGridViewsResponse } from "../../../../types/http/customer-grid"
import { createCustomerGridViewsWorkflow } from "../../../../workflows/customer-grid"
import { gridViewFor, gridViewsOf } from "./helpers"
import type { AdminCreateGridViewType } from "./validators"

/** GET /admin/customer-suite/grid-views: the signed-in user's views and every shared one (by name, then id), and their default view. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminCustomerGridViewsResponse>) => {
  res.json(await gridViewsOf(req.scope, req.auth_context.actor_id))
}

/** POST /admin/customer-suite/grid-views: a view owned by the signed-in user (at most 100 each). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateGridViewType>, res: MedusaResponse<AdminCustomerGridViewResponse>) => {
  const userId = req.auth_context.actor_id
  const { name, shared, filters, columns, sort } = req.validatedBody
  const { result } = await createCustomerGridViewsWorkflow(req.scope).run({
    input: { views: [{ owner_user_id: userId, name, shared: shared ?? false, filters: filters ?? {}, columns, sort: sort ?? null }] },
  })
  res.status(200).json({ view: await gridViewFor(req.scope, result[0].id, userId) })
}
