import type { MiddlewareRoute } from "@medusajs/framework/http"
import { authenticate, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { assistanceGuard } from "../../utils/assistance-guard"
import { StoreAssistanceConsent, StoreEmptyBody, StoreEmptyParams, StoreExchangeAssistanceCode } from "./validators"

/**
 * Login as customer, the storefront's side. `assistance.enabled` can be
 * changed on the settings page, so the workflows check the setting in force
 * (403 when off) rather than a capability gate on the routes.
 */
const customer = authenticate("customer", ["session", "bearer"])
const guard = assistanceGuard()

export const storeAssistanceMiddlewares: MiddlewareRoute[] = [
  // The guard sees every storefront and auth request; ordinary ones pass after a look at the token.
  { matcher: "/store/*", middlewares: [guard] },
  { matcher: "/auth/*", middlewares: [guard] },

  { method: ["GET"], matcher: "/store/customers/me/assistance-consent", middlewares: [customer, validateAndTransformQuery(StoreEmptyParams, {})] },
  { method: ["POST"], matcher: "/store/customers/me/assistance-consent", middlewares: [customer, validateAndTransformBody(StoreAssistanceConsent)] },
  { method: ["POST"], matcher: "/store/assistance-sessions/exchange", middlewares: [validateAndTransformBody(StoreExchangeAssistanceCode)] },
  { method: ["GET"], matcher: "/store/assistance-sessions/current", middlewares: [customer, validateAndTransformQuery(StoreEmptyParams, {})] },
  { method: ["POST"], matcher: "/store/assistance-sessions/current/end", middlewares: [customer, validateAndTransformBody(StoreEmptyBody)] },
]
