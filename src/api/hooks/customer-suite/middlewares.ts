import type { MiddlewareRoute } from "@medusajs/framework/http"
import { requireCapability } from "../../utils/require-capability"

export const hookAudiencesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/hooks/customer-suite/audiences",
    // The signature covers the exact bytes sent; 10,000 members by email fit in a few MB.
    bodyParser: { preserveRawBody: true, sizeLimit: "5mb" },
    middlewares: [requireCapability("personalization")],
  },
]
