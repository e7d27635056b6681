import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CUSTOMER_SUITE_MODULE } from "../../../../modules/customer_suite"
import type CustomerSuiteModuleService from "../../../../modules/customer_suite/service"
import type { AdminBulkActionResponse, AdminBulkActionsResponse } from "../../../../types/http/customer-grid"
import { createCustomerBulkActionWorkflow } from "../../../../workflows/customer-bulk-actions"
import { BULK_ACTION_FIELDS, answeringConflicts, bulkActionWithFailures, checkBulkAction, toBulkAction, type ConflictBody } from "./helpers"
import type { AdminCreateBulkActionType, AdminGetBulkActionsParamsType } from "./validators"

/**
 * POST /admin/customer-suite/bulk-actions (202): records the action with the
 * staff user and the number of customers, and starts it in the background;
 * answers at once. Progress: GET /admin/customer-suite/bulk-actions/:id.
 * 409 when `expected_count` is not the selection's count now.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateBulkActionType>, res: MedusaResponse<AdminBulkActionResponse | ConflictBody>) => {
  await answeringConflicts(res, async () => {
    const body = req.validatedBody
    const { total } = await checkBulkAction(req.scope, body)
    const { result } = await createCustomerBulkActionWorkflow(req.scope).run({
      input: { action: body.action, params: body.params, selection: body.selection, user_id: req.auth_context.actor_id, total },
    })
    res.status(202).json(await bulkActionWithFailures(req.scope, result.id, 0))
  })
}

/** GET /admin/customer-suite/bulk-actions: most recent first (id breaks ties), optionally of one status. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetBulkActionsParamsType>, res: MedusaResponse<AdminBulkActionsResponse>) => {
  const { status, offset, limit } = req.validatedQuery as AdminGetBulkActionsParamsType
  const [rows, count] = await req.scope
    .resolve<CustomerSuiteModuleService>(CUSTOMER_SUITE_MODULE)
    .listAndCountCustomerBulkActions(status ? { status } : {}, { select: BULK_ACTION_FIELDS, order: { created_at: "DESC", id: "DESC" }, skip: offset, take: limit })
  res.json({ bulk_actions: rows.map((row) => toBulkAction(row as unknown as Parameters<typeof toBulkAction>[0])), count, offset, limit })
}
