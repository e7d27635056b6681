import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { requireCapability } from "../../../utils/require-capability"
import { AdminEmptyBackfillParams, AdminGetBackfillsParams } from "./validators"

const enabled = requireCapability("segments")

/** Facts backfill runs (queued by POST /admin/customer-segments/backfill): list, progress, cancel. */
export const adminBackfillsMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/admin/customer-suite/backfills", middlewares: [enabled, validateAndTransformQuery(AdminGetBackfillsParams, {})] },
  { method: ["GET"], matcher: "/admin/customer-suite/backfills/:id", middlewares: [enabled, validateAndTransformQuery(AdminEmptyBackfillParams, {})] },
  { method: ["POST"], matcher: "/admin/customer-suite/backfills/:id/cancel", middlewares: [enabled, validateAndTransformBody(AdminEmptyBackfillParams)] },
]
