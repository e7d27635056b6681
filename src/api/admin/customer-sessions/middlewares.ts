import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateAndTransformBody } from "@medusajs/framework/http"
import { requireCapability } from "../../utils/require-capability"
import { AdminRevokeSessions } from "./validators"

/** "Sign out everywhere", the staff's side. */
export const adminCustomerSessionsMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/customers/:id/sessions/revoke",
    middlewares: [requireCapability("activity"), validateAndTransformBody(AdminRevokeSessions)],
  },
]
