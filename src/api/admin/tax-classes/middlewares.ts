import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { requireCapability } from "../../utils/require-capability"
import {
  AdminCreateTaxClass,
  AdminCreateTaxClassRate,
  AdminEmptyParams,
  AdminGetTaxClassRatesParams,
  AdminGetTaxClassesParams,
  AdminSetTaxClass,
  AdminUpdateTaxClass,
  AdminUpdateTaxClassRate,
} from "./validators"

const capability = requireCapability("tax_classes")

export const adminTaxClassesMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/admin/tax-classes", middlewares: [capability, validateAndTransformQuery(AdminGetTaxClassesParams, {})] },
  { method: ["POST"], matcher: "/admin/tax-classes", middlewares: [capability, validateAndTransformBody(AdminCreateTaxClass)] },
  { method: ["GET", "DELETE"], matcher: "/admin/tax-classes/:id", middlewares: [capability, validateAndTransformQuery(AdminEmptyParams, {})] },
  { method: ["POST"], matcher: "/admin/tax-classes/:id", middlewares: [capability, validateAndTransformBody(AdminUpdateTaxClass)] },
  { method: ["GET"], matcher: "/admin/tax-class-rates", middlewares: [capability, validateAndTransformQuery(AdminGetTaxClassRatesParams, {})] },
  { method: ["POST"], matcher: "/admin/tax-class-rates", middlewares: [capability, validateAndTransformBody(AdminCreateTaxClassRate)] },
  { method: ["DELETE"], matcher: "/admin/tax-class-rates/:id", middlewares: [capability, validateAndTransformQuery(AdminEmptyParams, {})] },
  { method: ["POST"], matcher: "/admin/tax-class-rates/:id", middlewares: [capability, validateAndTransformBody(AdminUpdateTaxClassRate)] },
  { method: ["GET"], matcher: "/admin/customer-groups/:id/tax-class", middlewares: [capability, validateAndTransformQuery(AdminEmptyParams, {})] },
  { method: ["POST"], matcher: "/admin/customer-groups/:id/tax-class", middlewares: [capability, validateAndTransformBody(AdminSetTaxClass)] },
  { method: ["GET"], matcher: "/admin/products/:id/tax-class", middlewares: [capability, validateAndTransformQuery(AdminEmptyParams, {})] },
  { method: ["POST"], matcher: "/admin/products/:id/tax-class", middlewares: [capability, validateAndTransformBody(AdminSetTaxClass)] },
]
