import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { CUSTOMER_SEGMENT_MODULE } from "../../../../modules/customer_segment"
import type CustomerSegmentModuleService from "../../../../modules/customer_segment/service"
import type { AdminParseCustomerSegmentRuleResponse } from "../../../../types/http"
import type { AdminParseCustomerSegmentRuleType } from "../validators"

/**
 * POST /admin/customer-segments/parse: `{ query }` → `{ rule, query }` (the
 * AST and the canonical text), or `{ rule }` → the same (for switching the
 * builder to text). Errors name the line and column, or the rule path.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminParseCustomerSegmentRuleType>, res: MedusaResponse<AdminParseCustomerSegmentRuleResponse>) => {
  const { query, rule } = req.validatedBody
  if (query === undefined && rule === undefined) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "query: give a query (or a rule)")
  }
  const service = req.scope.resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE)
  const prepared = await service.prepareRule({ query, rule })
  res.json({
    rule: prepared.rule,
    query: await service.printRule(prepared.rule),
    attributes: prepared.attributes,
    relative_dates: prepared.relative_dates,
  })
}
