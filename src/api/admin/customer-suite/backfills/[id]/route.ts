import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminCustomerFactsBackfillResponse } from "../../../../../types/http/customer-segment"
import { retrieveBackfill } from "../helpers"

/** GET /admin/customer-suite/backfills/:id: one run with its progress (404 when unknown). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminCustomerFactsBackfillResponse>) => {
  res.json({ backfill: await retrieveBackfill(req.scope, req.params.id) })
}
