import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { AdminGetCustomerOverviewParams, AdminGetSuiteSettingsParams, AdminUpdateSuiteSettings } from "./validators"

export const adminCustomerSuiteMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/customer-suite/settings",
    middlewares: [validateAndTransformQuery(AdminGetSuiteSettingsParams, {})],
  },
  {
    method: ["POST"],
    matcher: "/admin/customer-suite/settings",
    middlewares: [validateAndTransformBody(AdminUpdateSuiteSettings)],
  },
  {
    method: ["GET"],
    matcher: "/admin/customer-suite/customers/:id/overview",
    middlewares: [validateAndTransformQuery(AdminGetCustomerOverviewParams, {})],
  },
]
