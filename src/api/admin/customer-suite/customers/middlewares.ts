import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { AdminCountCustomerGridParams, AdminExportCustomerGridBody, AdminExportCustomerGridParams, AdminGetCustomerGridParams } from "./validators"

/** The customers grid and its export (read only). */
export const adminCustomerGridMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/admin/customer-suite/customers", middlewares: [validateAndTransformQuery(AdminGetCustomerGridParams, {})] },
  { method: ["GET"], matcher: "/admin/customer-suite/customers/export", middlewares: [validateAndTransformQuery(AdminExportCustomerGridParams, {})] },
  {
    method: ["POST"],
    matcher: "/admin/customer-suite/customers/export",
    // Up to 10,000 selected ids.
    bodyParser: { sizeLimit: "1mb" },
    middlewares: [validateAndTransformBody(AdminExportCustomerGridBody)],
  },
  { method: ["GET"], matcher: "/admin/customer-suite/customers/count", middlewares: [validateAndTransformQuery(AdminCountCustomerGridParams, {})] },
]
