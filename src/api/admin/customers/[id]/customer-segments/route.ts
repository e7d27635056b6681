import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CUSTOMER_SEGMENT_MODULE } from "../../../../../modules/customer_segment"
import type CustomerSegmentModuleService from "../../../../../modules/customer_segment/service"
import type { AdminCustomerCustomerSegmentsResponse } from "../../../../../types/http"
import { assertCustomerExists } from "../../../customer-segments/helpers"

/** GET /admin/customers/:id/customer-segments: the segments this customer is in. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminCustomerCustomerSegmentsResponse>) => {
  await assertCustomerExists(req.scope, req.params.id)
  const service = req.scope.resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const ids = await service.listCustomerSegmentIds(req.params.id)
  const { data } = ids.length
    ? await query.graph({ entity: "customer_segment", fields: req.queryConfig.fields, filters: { id: ids } })
    : { data: [] }
  res.json({ customer_segments: data })
}
