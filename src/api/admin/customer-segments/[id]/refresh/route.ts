import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { AdminCustomerSegmentRunResponse } from "../../../../../types/http"
import { requestCustomerSegmentRefreshWorkflow } from "../../../../../workflows/customer-segments"
import { refetchCustomerSegment } from "../../helpers"
import { RUN_FIELDS } from "../../query-config"

/**
 * POST /admin/customer-segments/:id/refresh: queues a full refresh and
 * answers with the run (`status: "queued"`); poll
 * GET /admin/customer-segments/:id/runs for its progress and result.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminCustomerSegmentRunResponse>) => {
  await refetchCustomerSegment(req.scope, req.params.id, ["id"])
  const { result } = await requestCustomerSegmentRefreshWorkflow(req.scope).run({
    input: { segment_ids: [req.params.id], trigger: "manual" },
  })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "customer_segment_refresh_run", fields: RUN_FIELDS, filters: { id: result[0].id } })
  res.status(202).json({ run: data[0] })
}
