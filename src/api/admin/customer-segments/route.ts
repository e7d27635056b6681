import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createCustomerSegmentsWorkflow } from "../../../workflows/customer-segments"
import { refetchCustomerSegment } from "./helpers"
import type { AdminCustomerSegmentListResponse, AdminCustomerSegmentResponse } from "../../../types/http"
import type { AdminCreateCustomerSegmentType, AdminGetCustomerSegmentsParamsType } from "./validators"

/** GET /admin/customer-segments: segments with search (`q`), filters and pagination. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetCustomerSegmentsParamsType>,
  res: MedusaResponse<AdminCustomerSegmentListResponse>
) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "customer_segment",
    fields: req.queryConfig.fields,
    filters: req.filterableFields,
    pagination: req.queryConfig.pagination,
  })
  res.json({
    customer_segments: data,
    count: metadata?.count ?? data.length,
    offset: metadata?.skip ?? 0,
    limit: metadata?.take ?? data.length,
  })
}

/** POST /admin/customer-segments: create a segment (a rule as JSON `rule` or text `query`). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateCustomerSegmentType>, res: MedusaResponse<AdminCustomerSegmentResponse>) => {
  const { result } = await createCustomerSegmentsWorkflow(req.scope).run({
    input: { segments: [req.validatedBody] },
  })
  const segment = await refetchCustomerSegment(req.scope, result[0].id, req.queryConfig.fields)
  res.status(200).json({ customer_segment: segment })
}
