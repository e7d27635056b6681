import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminCustomerFactsBackfillResponse } from "../../../../../../types/http/customer-segment"
import { cancelCustomerFactsBackfillWorkflow } from "../../../../../../workflows/customer-segments"
import { answeringConflicts, type ConflictBody } from "../../../bulk-actions/helpers"
import { retrieveBackfill } from "../../helpers"

/**
 * POST /admin/customer-suite/backfills/:id/cancel: a queued or running run is
 * canceled (a running one stops at its next batch; the batch in flight rolls
 * back, what was written before stays). A canceled run answers as it is; a
 * run that succeeded or failed: 409. 404 when unknown.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminCustomerFactsBackfillResponse | ConflictBody>) => {
  await answeringConflicts(res, async () => {
    await cancelCustomerFactsBackfillWorkflow(req.scope).run({ input: { id: req.params.id } })
    res.json({ backfill: await retrieveBackfill(req.scope, req.params.id) })
  })
}
