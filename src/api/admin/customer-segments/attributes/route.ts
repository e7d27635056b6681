import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CUSTOMER_SEGMENT_MODULE } from "../../../../modules/customer_segment"
import type CustomerSegmentModuleService from "../../../../modules/customer_segment/service"
import { METADATA_PREFIX, OPERATOR_SPELLING, describeValue } from "../../../../modules/customer_segment/rules"
import type { AdminCustomerSegmentAttributesResponse } from "../../../../types/http"

/**
 * GET /admin/customer-segments/attributes: the attribute registry for the
 * rule builder: type, operators (with their text form and value format),
 * guest availability, label, description and value picker.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminCustomerSegmentAttributesResponse>) => {
  const service = req.scope.resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE)
  const attributes = await service.listAttributes()
  res.json({
    attributes: attributes.map((a) => ({
      ...a,
      operators: a.operators.map((operator) => ({
        operator,
        text: OPERATOR_SPELLING[operator],
        value: describeValue(a.name, a.type, operator),
      })),
    })),
    metadata_prefix: METADATA_PREFIX,
  })
}
