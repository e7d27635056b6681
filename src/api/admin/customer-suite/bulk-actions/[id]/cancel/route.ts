import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminBulkActionResponse } from "../../../../../../types/http/customer-grid"
import { cancelCustomerBulkActionWorkflow } from "../../../../../../workflows/customer-bulk-actions"
import { answeringConflicts, bulkActionWithFailures, type ConflictBody } from "../../helpers"

/**
 * POST /admin/customer-suite/bulk-actions/:id/cancel: a queued or running
 * action is canceled (a running one stops after its current batch; what was
 * done stays done). Canceling a canceled one answers it as it is; a completed
 * or failed one: 409. 404 when unknown.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminBulkActionResponse | ConflictBody>) => {
  await answeringConflicts(res, async () => {
    await cancelCustomerBulkActionWorkflow(req.scope).run({ input: { id: req.params.id } })
    res.json(await bulkActionWithFailures(req.scope, req.params.id))
  })
}
