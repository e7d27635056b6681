import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminBulkActionResponse, AdminBulkActionsResponse } from "../../../../types/http/customer-grid"
import { createCustomerBulkActionWorkflow } from "../../../../workflows/customer-bulk-actions"
import { listBulkActions } from "../../../../workflows/customer-bulk-actions/utils/store"
import { answeringConflicts, bulkActionWithFailures, checkBulkAction, refuseDuplicateBulkAction, toBulkActionListItem, type ConflictBody } from "./helpers"
import type { AdminCreateBulkActionType, AdminGetBulkActionsParamsType } from "./validators"

/**
 * POST /admin/customer-suite/bulk-actions (202): records the action with the
 * staff user and the number of customers, and starts it in the background;
 * answers at once. Progress: GET /admin/customer-suite/bulk-actions/:id.
 * 409 when `expected_count` is not the selection's count now, or when an
 * identical action (same action, params and selection) is queued or running.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateBulkActionType>, res: MedusaResponse<AdminBulkActionResponse | ConflictBody>) => {
  await answeringConflicts(res, async () => {
    const body = req.validatedBody
    const { total } = await checkBulkAction(req.scope, body)
    await refuseDuplicateBulkAction(req.scope, body)
    const { result } = await createCustomerBulkActionWorkflow(req.scope).run({
      input: { action: body.action, params: body.params, selection: body.selection, user_id: req.auth_context.actor_id, total },
    })
    res.status(202).json(await bulkActionWithFailures(req.scope, result.id, 0))
  })
}

/**
 * GET /admin/customer-suite/bulk-actions: most recent first (id breaks ties),
 * optionally of one status. An ids selection is answered as its count
 * (`{ kind: "ids", count }`): GET /:id has the ids.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetBulkActionsParamsType>, res: MedusaResponse<AdminBulkActionsResponse>) => {
  const { status, offset, limit } = req.validatedQuery as AdminGetBulkActionsParamsType
  const { rows, count } = await listBulkActions(req.scope, { status, offset, limit })
  res.json({ bulk_actions: rows.map(toBulkActionListItem), count, offset, limit })
}
