import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminCustomerSegmentRunListResponse } from "../../../../../types/http"
import { refetchCustomerSegment } from "../../helpers"
import { defaultAdminCustomerSegmentRunOrder } from "../../query-config"
import type { AdminGetCustomerSegmentRunsParamsType } from "../../validators"
import { listPage } from "../../../../utils/list-page"

/** GET /admin/customer-segments/:id/runs: refresh runs, newest first. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetCustomerSegmentRunsParamsType>,
  res: MedusaResponse<AdminCustomerSegmentRunListResponse>
) => {
  await refetchCustomerSegment(req.scope, req.params.id, ["id"])
  const { rows, ...page } = await listPage<AdminCustomerSegmentRunListResponse["runs"][number]>(req, "customer_segment_refresh_run", { segment_id: req.params.id }, defaultAdminCustomerSegmentRunOrder)
  res.json({ runs: rows, ...page })
}
