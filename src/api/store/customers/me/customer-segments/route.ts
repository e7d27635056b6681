import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CUSTOMER_SEGMENT_MODULE } from "../../../../../modules/customer_segment"
import type CustomerSegmentModuleService from "../../../../../modules/customer_segment/service"
import type { StoreCustomerSegmentListResponse } from "../../../../../types/http"
import { segmentsById } from "../../../customer-segments/helpers"

/** GET /store/customers/me/customer-segments: the logged-in customer's active segments. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreCustomerSegmentListResponse>) => {
  const service = req.scope.resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE)
  const ids = await service.listCustomerSegmentIds(req.auth_context.actor_id)
  res.json({ customer_segments: await segmentsById(req.scope, ids) })
}
