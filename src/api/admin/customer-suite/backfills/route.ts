import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CUSTOMER_SEGMENT_MODULE } from "../../../../modules/customer_segment"
import type CustomerSegmentModuleService from "../../../../modules/customer_segment/service"
import type { FactsBackfillRow } from "../../../../modules/customer_segment/service"
import type { AdminCustomerFactsBackfillListResponse } from "../../../../types/http/customer-segment"
import { BACKFILL_FIELDS, toBackfillResponse } from "./helpers"
import type { AdminGetBackfillsParamsType } from "./validators"

/**
 * GET /admin/customer-suite/backfills: facts backfill runs, newest first,
 * with their progress (`?status=running` for the one in progress), e.g.
 * `curl -H "Authorization: Bearer $TOKEN" "$BACKEND/admin/customer-suite/backfills?limit=1"`.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetBackfillsParamsType>, res: MedusaResponse<AdminCustomerFactsBackfillListResponse>) => {
  const { limit, offset, status } = req.validatedQuery
  const service = req.scope.resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE)
  const [rows, count] = await service.listAndCountCustomerFactsBackfills(status ? { status } : {}, {
    select: [...BACKFILL_FIELDS],
    take: limit,
    skip: offset,
    order: { created_at: "DESC", id: "DESC" },
  })
  res.json({ backfills: rows.map((row) => toBackfillResponse(row as unknown as FactsBackfillRow)), count, limit, offset })
}
