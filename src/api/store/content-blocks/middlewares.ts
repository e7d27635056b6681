import type { MiddlewareRoute } from "@medusajs/framework/http"
import { authenticate, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { requireCapability } from "../../utils/require-capability"
import { StoreContentBlockEvents, StoreGetContentBlocksParams } from "./validators"

const enabled = requireCapability("personalization")

export const storeContentBlocksMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/store/content-blocks",
    middlewares: [
      enabled,
      authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true }),
      validateAndTransformQuery(StoreGetContentBlocksParams, {}),
    ],
  },
  {
    method: ["POST"],
    matcher: "/store/content-blocks/events",
    middlewares: [
      enabled,
      authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true }),
      validateAndTransformBody(StoreContentBlockEvents),
    ],
  },
]
