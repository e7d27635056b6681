import type { MiddlewareRoute } from "@medusajs/framework/http"
import { authenticate, validateAndTransformBody } from "@medusajs/framework/http"
import { requireCapability } from "../../utils/require-capability"
import { StoreRevokeSessions } from "./validators"

/** "Sign out everywhere", the customer's side (the check itself is in the guard: utils/assistance-guard.ts). */
export const storeCustomerSessionsMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/store/customers/me/sessions/revoke",
    middlewares: [authenticate("customer", ["session", "bearer"]), requireCapability("activity"), validateAndTransformBody(StoreRevokeSessions)],
  },
]
