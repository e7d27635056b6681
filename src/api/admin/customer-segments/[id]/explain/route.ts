import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CUSTOMER_SEGMENT_MODULE } from "../../../../../modules/customer_segment"
import type CustomerSegmentModuleService from "../../../../../modules/customer_segment/service"
import { assertCustomerExists, refetchCustomerSegment } from "../../helpers"
import type { AdminExplainCustomerSegmentResponse } from "../../../../../types/http"
import { toJson } from "../../../../utils/json"
import type { AdminExplainCustomerSegmentParamsType } from "../../validators"

/**
 * GET /admin/customer-segments/:id/explain?customer_id=: whether the customer
 * is a member, and for a dynamic segment which conditions held and which
 * failed, with the facts each one read.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminExplainCustomerSegmentParamsType>,
  res: MedusaResponse<AdminExplainCustomerSegmentResponse>
) => {
  const { customer_id } = req.validatedQuery as AdminExplainCustomerSegmentParamsType
  await refetchCustomerSegment(req.scope, req.params.id, ["id"])
  await assertCustomerExists(req.scope, customer_id)
  const service = req.scope.resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE)
  const result = await service.explainCustomer(req.params.id, customer_id)
  res.json({ explanation: { segment_id: req.params.id, customer_id, ...toJson(result) } })
}
