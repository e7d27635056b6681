import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { AdminCustomerSegmentRunListResponse } from "../../../../../types/http"
import { refetchCustomerSegment } from "../../helpers"
import { defaultAdminCustomerSegmentRunOrder } from "../../query-config"
import type { AdminGetCustomerSegmentRunsParamsType } from "../../validators"

/** GET /admin/customer-segments/:id/runs: refresh runs, newest first. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetCustomerSegmentRunsParamsType>,
  res: MedusaResponse<AdminCustomerSegmentRunListResponse>
) => {
  await refetchCustomerSegment(req.scope, req.params.id, ["id"])
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "customer_segment_refresh_run",
    fields: req.queryConfig.fields,
    filters: { segment_id: req.params.id },
    pagination: { ...req.queryConfig.pagination, order: req.queryConfig.pagination?.order ?? defaultAdminCustomerSegmentRunOrder },
  })
  res.json({
    runs: data,
    count: metadata?.count ?? data.length,
    offset: metadata?.skip ?? 0,
    limit: metadata?.take ?? data.length,
  })
}
