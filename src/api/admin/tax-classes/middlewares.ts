import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { requireCapability } from "../../utils/require-capability"
import { listTaxClassesQueryConfig, retrieveTaxClassQueryConfig } from "./query-config"
import {
  AdminCreateTaxClass,
  AdminEmptyParams,
  AdminGetTaxClassParams,
  AdminGetTaxClassesParams,
  AdminSetTaxClass,
  AdminUpdateTaxClass,
} from "./validators"

const capability = requireCapability("tax_classes")

export const adminTaxClassesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/tax-classes",
    middlewares: [capability, validateAndTransformQuery(AdminGetTaxClassesParams, listTaxClassesQueryConfig)],
  },
  {
    method: ["POST"],
    matcher: "/admin/tax-classes",
    middlewares: [
      capability,
      validateAndTransformBody(AdminCreateTaxClass),
      validateAndTransformQuery(AdminGetTaxClassParams, retrieveTaxClassQueryConfig),
    ],
  },
  {
    method: ["GET", "DELETE"],
    matcher: "/admin/tax-classes/:id",
    middlewares: [capability, validateAndTransformQuery(AdminGetTaxClassParams, retrieveTaxClassQueryConfig)],
  },
  {
    method: ["POST"],
    matcher: "/admin/tax-classes/:id",
    middlewares: [
      capability,
      validateAndTransformBody(AdminUpdateTaxClass),
      validateAndTransformQuery(AdminGetTaxClassParams, retrieveTaxClassQueryConfig),
    ],
  },
  // A customer group's and a product's class (the link, read and set here).
  { method: ["GET"], matcher: "/admin/customer-groups/:id/tax-class", middlewares: [capability, validateAndTransformQuery(AdminEmptyParams, {})] },
  { method: ["POST"], matcher: "/admin/customer-groups/:id/tax-class", middlewares: [capability, validateAndTransformBody(AdminSetTaxClass)] },
  { method: ["GET"], matcher: "/admin/products/:id/tax-class", middlewares: [capability, validateAndTransformQuery(AdminEmptyParams, {})] },
  { method: ["POST"], matcher: "/admin/products/:id/tax-class", middlewares: [capability, validateAndTransformBody(AdminSetTaxClass)] },
]
