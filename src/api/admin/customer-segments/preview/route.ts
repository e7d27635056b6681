import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { CUSTOMER_SEGMENT_MODULE } from "../../../../modules/customer_segment"
import type CustomerSegmentModuleService from "../../../../modules/customer_segment/service"
import type { AdminPreviewCustomerSegmentResponse } from "../../../../types/http"
import type { AdminPreviewCustomerSegmentType } from "../validators"

/**
 * POST /admin/customer-segments/preview: `{ rule | query, applies_to?, limit? }`
 * → `{ count, customers }`: how many customers match now and the first few,
 * without writing anything.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminPreviewCustomerSegmentType>, res: MedusaResponse<AdminPreviewCustomerSegmentResponse>) => {
  const { query, rule, applies_to, limit } = req.validatedBody
  if (query === undefined && rule === undefined) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "rule: give a rule (or a query)")
  }
  const service = req.scope.resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE)
  const prepared = await service.prepareRule({ query, rule })
  const preview = await service.previewRule(prepared.rule, { applies_to, limit })
  res.json({
    count: preview.count,
    customers: preview.customers.map((c) => ({
      id: c.customer_id,
      email: c.email,
      first_name: c.first_name,
      last_name: c.last_name,
      has_account: c.has_account,
    })),
  })
}
