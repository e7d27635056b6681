import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { AdminCancelBulkAction, AdminCreateBulkAction, AdminGetBulkActionParams, AdminGetBulkActionsParams } from "./validators"

/** Bulk actions of the customers grid: start (202), list, progress, cancel. */
export const adminBulkActionsMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/customer-suite/bulk-actions",
    // Up to 10,000 ids of up to 100 characters: above the default 100 kB of a JSON body.
    bodyParser: { sizeLimit: "1.5mb" },
    middlewares: [validateAndTransformBody(AdminCreateBulkAction)],
  },
  { method: ["GET"], matcher: "/admin/customer-suite/bulk-actions", middlewares: [validateAndTransformQuery(AdminGetBulkActionsParams, {})] },
  { method: ["GET"], matcher: "/admin/customer-suite/bulk-actions/:id", middlewares: [validateAndTransformQuery(AdminGetBulkActionParams, {})] },
  { method: ["POST"], matcher: "/admin/customer-suite/bulk-actions/:id/cancel", middlewares: [validateAndTransformBody(AdminCancelBulkAction)] },
]
