import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CUSTOMER_SEGMENT_MODULE } from "../../../../../modules/customer_segment"
import type CustomerSegmentModuleService from "../../../../../modules/customer_segment/service"
import { refetchCustomerSegment } from "../../helpers"
import { RUN_FIELDS } from "../../query-config"
import type { AdminGetCustomerSegmentRunsParamsType } from "../../validators"

/** GET /admin/customer-segments/:id/runs: refresh runs, newest first. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetCustomerSegmentRunsParamsType>,
  res: MedusaResponse
) => {
  await refetchCustomerSegment(req.scope, req.params.id, ["id"])
  const { offset, limit } = req.validatedQuery as AdminGetCustomerSegmentRunsParamsType
  const service = req.scope.resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE)
  const [runs, count] = await service.listAndCountCustomerSegmentRefreshRuns(
    { segment_id: req.params.id },
    { select: RUN_FIELDS, skip: offset, take: limit, order: { created_at: "DESC", id: "DESC" } }
  )
  res.json({ runs, count, offset, limit })
}
