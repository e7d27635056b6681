import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { AdminGetSignInLockParams, AdminUnlockCustomer } from "./validators"

/** Sign-in lock state and staff unlock on the customer page (the sign-in side: api/auth/customer/emailpass). */
export const adminSignInLockMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/admin/customers/:id/sign-in-lock", middlewares: [validateAndTransformQuery(AdminGetSignInLockParams, {})] },
  { method: ["POST"], matcher: "/admin/customers/:id/unlock", middlewares: [validateAndTransformBody(AdminUnlockCustomer)] },
]
