import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminBulkActionResponse } from "../../../../../types/http/customer-grid"
import { bulkActionWithFailures } from "../helpers"
import type { AdminGetBulkActionParamsType } from "../validators"

/** GET /admin/customer-suite/bulk-actions/:id: progress, and the first failures (customer id and why) by customer id; `bulk_action.failed` counts them all. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetBulkActionParamsType>, res: MedusaResponse<AdminBulkActionResponse>) => {
  const { failures_limit } = req.validatedQuery as AdminGetBulkActionParamsType
  res.json(await bulkActionWithFailures(req.scope, req.params.id, failures_limit))
}
