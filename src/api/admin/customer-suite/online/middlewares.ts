import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateAndTransformQuery } from "@medusajs/framework/http"
import { AdminGetCustomerPresenceParams, AdminGetOnlineParams } from "./validators"

/** Now Online: the admin's list and the customer page's badge (read only). */
export const adminOnlineMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/admin/customer-suite/online", middlewares: [validateAndTransformQuery(AdminGetOnlineParams, {})] },
  { method: ["GET"], matcher: "/admin/customers/:id/presence", middlewares: [validateAndTransformQuery(AdminGetCustomerPresenceParams, {})] },
]
