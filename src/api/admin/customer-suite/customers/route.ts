import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminCustomerGridResponse } from "../../../../types/http"
import { listGridPage } from "../../../../workflows/customer-grid/utils/grid-query"
import type { AdminGetCustomerGridParamsType } from "./validators"

/**
 * GET /admin/customer-suite/customers: the customers grid. Filters over the
 * facts projection and Medusa's customer row, a sort, keyset pages
 * (`cursor` = the previous page's `next_cursor`), and on the first page the
 * count (exact when cheap, else an estimate).
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetCustomerGridParamsType>, res: MedusaResponse<AdminCustomerGridResponse>) => {
  const { sort, limit, cursor, ...filters } = req.validatedQuery as AdminGetCustomerGridParamsType
  res.json(await listGridPage(req.scope, { filters, sort, limit, cursor }))
}
