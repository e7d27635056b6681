import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { CUSTOMER_SEGMENT_MODULE } from "../../../../modules/customer_segment"
import type CustomerSegmentModuleService from "../../../../modules/customer_segment/service"
import type { AdminCustomerFactsBackfillConflict, AdminCustomerFactsBackfillResponse } from "../../../../types/http"
import { backfillCustomerFactsWorkflow } from "../../../../workflows/customer-segments"
import { retrieveBackfill, toBackfillResponse } from "../../customer-suite/backfills/helpers"
import type { AdminBackfillCustomerFactsType } from "../validators"

/**
 * POST /admin/customer-segments/backfill: queues a rebuild of the facts
 * projection from customers and orders (install or repair) and answers 202 at
 * once with the run; a worker runs it in the background in batches, resuming
 * from its checkpoint after a restart, then refreshes every active dynamic
 * segment. Follow it at GET /admin/customer-suite/backfills/:id. 409 (with
 * that run) while another is queued or running, e.g. `curl -X POST -H
 * "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" -d '{}'
 * $BACKEND/admin/customer-segments/backfill`.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminBackfillCustomerFactsType>,
  res: MedusaResponse<AdminCustomerFactsBackfillResponse | AdminCustomerFactsBackfillConflict>
) => {
  const { result, errors } = await backfillCustomerFactsWorkflow(req.scope).run({
    input: { trigger: "manual", requested_by: req.auth_context.actor_id, batch_size: req.validatedBody.batch_size },
    throwOnError: false,
  })
  if (errors.length) {
    const error = errors[0].error as { type?: unknown; message?: unknown }
    if (error?.type === MedusaError.Types.CONFLICT) {
      const [active] = await req.scope.resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE).listActiveFactsBackfills()
      res.status(409).json({ type: "conflict", message: String(error.message), backfill: active ? toBackfillResponse(active) : null })
      return
    }
    throw errors[0].error
  }
  res.status(202).json({ backfill: await retrieveBackfill(req.scope, result.id) })
}
