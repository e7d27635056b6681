import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { requireCapability } from "../../../../utils/require-capability"
import { AdminGetSecurityEventsParams, AdminSendPasswordReset } from "./validators"

/** The customer page's security log and "Send password reset" (issue 15 §2, §5); 404 while activity is off. */
export const adminCustomerSecurityMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/admin/customers/:id/security-events", middlewares: [requireCapability("activity"), validateAndTransformQuery(AdminGetSecurityEventsParams, {})] },
  { method: ["POST"], matcher: "/admin/customers/:id/password-reset", middlewares: [requireCapability("activity"), validateAndTransformBody(AdminSendPasswordReset)] },
]
