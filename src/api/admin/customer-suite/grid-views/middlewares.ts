import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { AdminCreateGridView, AdminGridViewParams, AdminSetDefaultGridView, AdminUpdateGridView } from "./validators"

type Middleware = (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => unknown

/** POST /grid-views/default also matches "/grid-views/:id": the update's body check must not run on it. */
const exceptDefault =
  (middleware: Middleware): Middleware =>
  (req, res, next) =>
    req.params.id === "default" ? next() : middleware(req, res, next)

/** Saved views of the customers grid: every staff user's own, and shared ones read-only. */
export const adminGridViewsMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/admin/customer-suite/grid-views", middlewares: [validateAndTransformQuery(AdminGridViewParams, {})] },
  { method: ["POST"], matcher: "/admin/customer-suite/grid-views", middlewares: [validateAndTransformBody(AdminCreateGridView)] },
  { method: ["POST"], matcher: "/admin/customer-suite/grid-views/default", middlewares: [validateAndTransformBody(AdminSetDefaultGridView)] },
  {
    method: ["GET", "DELETE"],
    matcher: "/admin/customer-suite/grid-views/:id",
    middlewares: [validateAndTransformQuery(AdminGridViewParams, {})],
  },
  {
    method: ["POST"],
    matcher: "/admin/customer-suite/grid-views/:id",
    middlewares: [exceptDefault(validateAndTransformBody(AdminUpdateGridView))],
  },
]
