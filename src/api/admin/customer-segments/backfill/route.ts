import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { backfillCustomerFactsWorkflow } from "../../../../workflows/customer-segments"
import type { AdminBackfillCustomerFactsResponse } from "../../../../types/http"
import type { AdminBackfillCustomerFactsType } from "../validators"

/**
 * POST /admin/customer-segments/backfill: rebuilds the facts projection from
 * customers and orders (install or repair), then queues a refresh of every
 * active dynamic segment. Answers when the facts are built, with the counts
 * and throughput, e.g. `curl -X POST -H "Authorization: Bearer $TOKEN"
 * -H "Content-Type: application/json" -d '{}' $BACKEND/admin/customer-segments/backfill`.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminBackfillCustomerFactsType>, res: MedusaResponse<AdminBackfillCustomerFactsResponse>) => {
  const { result } = await backfillCustomerFactsWorkflow(req.scope).run({
    input: { batch_size: req.validatedBody.batch_size },
  })
  const seconds = Math.max(result.duration_ms, 1) / 1000
  res.json({
    backfill: {
      customers: result.customers,
      orders: result.orders,
      batches: result.batches,
      duration_ms: result.duration_ms,
      customers_per_second: Math.round(result.customers / seconds),
      orders_per_second: Math.round(result.orders / seconds),
      refresh_runs: result.runs,
    },
  })
}
