import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createCustomerSegmentsWorkflow } from "../../../workflows/customer-segments"
import { refetchCustomerSegment } from "./helpers"
import type { AdminCustomerSegmentListResponse, AdminCustomerSegmentResponse } from "../../../types/http"
import type { AdminCreateCustomerSegmentType, AdminGetCustomerSegmentsParamsType } from "./validators"
import { listPage } from "../../utils/list-page"

/** GET /admin/customer-segments: segments with search (`q`), filters and pagination. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetCustomerSegmentsParamsType>,
  res: MedusaResponse<AdminCustomerSegmentListResponse>
) => {
  const { rows, ...page } = await listPage<AdminCustomerSegmentListResponse["customer_segments"][number]>(req, "customer_segment", req.filterableFields)
  res.json({ customer_segments: rows, ...page })
}

/** POST /admin/customer-segments: create a segment (a rule as JSON `rule` or text `query`). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateCustomerSegmentType>, res: MedusaResponse<AdminCustomerSegmentResponse>) => {
  const { result } = await createCustomerSegmentsWorkflow(req.scope).run({
    input: { segments: [req.validatedBody] },
  })
  const segment = await refetchCustomerSegment(req.scope, result[0].id, req.queryConfig.fields)
  res.status(200).json({ customer_segment: segment })
}
