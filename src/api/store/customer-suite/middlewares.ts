import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateAndTransformQuery } from "@medusajs/framework/http"
import { StoreGetCustomerSuiteConfigParams } from "./validators"

/**
 * The storefront's settings: no customer needed (the publishable key, as on
 * every /store route), and no capability gate — a storefront reads it on
 * every start, whatever the merchant turned on.
 */
export const storeCustomerSuiteMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/store/customer-suite/config",
    middlewares: [validateAndTransformQuery(StoreGetCustomerSuiteConfigParams, {})],
  },
]
