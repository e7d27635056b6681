import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateAndTransformQuery } from "@medusajs/framework/http"
import { requireCapability } from "../../../utils/require-capability"
import { AdminGetCustomerPresenceParams, AdminGetOnlineParams } from "./validators"

/** Now Online: the admin's list and the customer page's badge (read only); 404 while activity is off. */
export const adminOnlineMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/admin/customer-suite/online", middlewares: [requireCapability("activity"), validateAndTransformQuery(AdminGetOnlineParams, {})] },
  { method: ["GET"], matcher: "/admin/customers/:id/presence", middlewares: [requireCapability("activity"), validateAndTransformQuery(AdminGetCustomerPresenceParams, {})] },
]
