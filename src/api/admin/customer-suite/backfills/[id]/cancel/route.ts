import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { CUSTOMER_SEGMENT_MODULE } from "../../../../../../modules/customer_segment"
import type CustomerSegmentModuleService from "../../../../../../modules/customer_segment/service"
import type { AdminCustomerFactsBackfillResponse } from "../../../../../../types/http/customer-segment"
import { retrieveBackfill } from "../../helpers"

/**
 * POST /admin/customer-suite/backfills/:id/cancel: a queued or running run is
 * canceled (a running one stops at its next batch; the batch in flight rolls
 * back, what was written before stays). A canceled run answers as it is; a
 * run that ended otherwise: 409. 404 when unknown.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminCustomerFactsBackfillResponse>) => {
  const current = await retrieveBackfill(req.scope, req.params.id)
  if (current.status === "succeeded" || current.status === "failed") {
    throw new MedusaError(MedusaError.Types.CONFLICT, `The backfill ${current.id} already ${current.status === "succeeded" ? "succeeded" : "failed"}`)
  }
  await req.scope.resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE).cancelFactsBackfill(req.params.id)
  // Canceled now or before; or it ended between the read above and the update (409).
  const after = await retrieveBackfill(req.scope, req.params.id)
  if (after.status !== "canceled") {
    throw new MedusaError(MedusaError.Types.CONFLICT, `The backfill ${after.id} already ${after.status}`)
  }
  res.json({ backfill: after })
}
