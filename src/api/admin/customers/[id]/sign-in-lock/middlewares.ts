import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { requireCapability } from "../../../../utils/require-capability"
import { AdminGetSignInLockParams, AdminUnlockCustomer } from "./validators"

/** Sign-in lock state and staff unlock on the customer page (the sign-in side: api/auth/customer/emailpass); 404 while activity is off. */
export const adminSignInLockMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/admin/customers/:id/sign-in-lock", middlewares: [requireCapability("activity"), validateAndTransformQuery(AdminGetSignInLockParams, {})] },
  { method: ["POST"], matcher: "/admin/customers/:id/unlock", middlewares: [requireCapability("activity"), validateAndTransformBody(AdminUnlockCustomer)] },
]
