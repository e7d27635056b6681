import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminCustomerGridCountResponse } from "../../../../../types/http"
import { countGrid } from "../../../../../workflows/customer-grid/utils/grid-query"
import type { AdminCountCustomerGridParamsType } from "../validators"

/**
 * GET /admin/customer-suite/customers/count: exactly how many customers the
 * filters match, however long it takes to count (the grid itself shows an
 * estimate over large results). What a bulk delete's confirmation names.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminCountCustomerGridParamsType>, res: MedusaResponse<AdminCustomerGridCountResponse>) => {
  const { count } = await countGrid(req.scope, req.validatedQuery as AdminCountCustomerGridParamsType, { exact: true })
  res.json({ count })
}
