import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { listAssistanceSessionsQueryConfig, retrieveAssistanceSessionQueryConfig } from "./query-config"
import { AdminEmptyBody, AdminEmptyParams, AdminGetAssistanceSessionsParams, AdminStartAssistanceSession } from "./validators"

/**
 * Login as customer, the admin's side (the storefront's side and the guard:
 * store/assistance-sessions/middlewares.ts). `assistance.enabled` can be
 * changed on the settings page, so the workflows check the setting in force
 * (403 when off) rather than a capability gate on the routes.
 */
export const adminAssistanceMiddlewares: MiddlewareRoute[] = [
  { method: ["POST"], matcher: "/admin/customers/:id/assistance-sessions", middlewares: [validateAndTransformBody(AdminStartAssistanceSession)] },
  { method: ["GET"], matcher: "/admin/customers/:id/assistance-consent", middlewares: [validateAndTransformQuery(AdminEmptyParams, {})] },
  {
    method: ["GET"],
    matcher: "/admin/assistance-sessions",
    middlewares: [validateAndTransformQuery(AdminGetAssistanceSessionsParams, listAssistanceSessionsQueryConfig)],
  },
  {
    method: ["GET"],
    matcher: "/admin/assistance-sessions/export",
    middlewares: [validateAndTransformQuery(AdminGetAssistanceSessionsParams, listAssistanceSessionsQueryConfig)],
  },
  {
    method: ["GET"],
    matcher: "/admin/assistance-sessions/:id",
    middlewares: [validateAndTransformQuery(AdminEmptyParams, retrieveAssistanceSessionQueryConfig)],
  },
  { method: ["POST"], matcher: "/admin/assistance-sessions/:id/end", middlewares: [validateAndTransformBody(AdminEmptyBody)] },
]
