import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateAndTransformQuery } from "@medusajs/framework/http"
import { AdminExportCustomerGridParams, AdminGetCustomerGridParams } from "./validators"

/** The customers grid and its export (read only). */
export const adminCustomerGridMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/admin/customer-suite/customers", middlewares: [validateAndTransformQuery(AdminGetCustomerGridParams, {})] },
  { method: ["GET"], matcher: "/admin/customer-suite/customers/export", middlewares: [validateAndTransformQuery(AdminExportCustomerGridParams, {})] },
]
