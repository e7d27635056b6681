import type { MiddlewareRoute } from "@medusajs/framework/http"
import { authenticate, validateAndTransformQuery } from "@medusajs/framework/http"
import { requireCapability } from "../../utils/require-capability"
import { StoreGetCurrentCustomerSegmentsParams, StoreGetMyCustomerSegmentsParams } from "./validators"

const enabled = requireCapability("segments")

export const storeCustomerSegmentsMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/store/customers/me/customer-segments",
    middlewares: [
      enabled,
      authenticate("customer", ["session", "bearer"]),
      validateAndTransformQuery(StoreGetMyCustomerSegmentsParams, {}),
    ],
  },
  {
    method: ["GET"],
    matcher: "/store/customer-segments/current",
    middlewares: [
      enabled,
      authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true }),
      validateAndTransformQuery(StoreGetCurrentCustomerSegmentsParams, {}),
    ],
  },
]
