import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateAndTransformQuery } from "@medusajs/framework/http"
import { AdminGetCustomerOverviewParams, AdminGetSuiteSettingsParams } from "./validators"

export const adminCustomerSuiteMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/customer-suite/settings",
    middlewares: [validateAndTransformQuery(AdminGetSuiteSettingsParams, {})],
  },
  {
    method: ["GET"],
    matcher: "/admin/customer-suite/customers/:id/overview",
    middlewares: [validateAndTransformQuery(AdminGetCustomerOverviewParams, {})],
  },
]
