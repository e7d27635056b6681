import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CUSTOMER_SEGMENT_MODULE } from "../../../../../modules/customer_segment"
import type CustomerSegmentModuleService from "../../../../../modules/customer_segment/service"
import { requestCustomerSegmentRefreshWorkflow } from "../../../../../workflows/customer-segments"
import { refetchCustomerSegment } from "../../helpers"
import { RUN_FIELDS } from "../../query-config"

/**
 * POST /admin/customer-segments/:id/refresh: queues a full refresh and
 * answers with the run (`status: "queued"`); poll
 * GET /admin/customer-segments/:id/runs for its progress and result.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await refetchCustomerSegment(req.scope, req.params.id, ["id"])
  const { result } = await requestCustomerSegmentRefreshWorkflow(req.scope).run({
    input: { segment_ids: [req.params.id], trigger: "manual" },
  })
  const service = req.scope.resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE)
  const run = await service.retrieveCustomerSegmentRefreshRun(result[0].id, { select: RUN_FIELDS })
  res.status(202).json({ run })
}
