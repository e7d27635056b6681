import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { requireCapability } from "../../utils/require-capability"
import { listTaxClassRatesQueryConfig, retrieveTaxClassRateQueryConfig } from "./query-config"
import { AdminCreateTaxClassRate, AdminGetTaxClassRateParams, AdminGetTaxClassRatesParams, AdminUpdateTaxClassRate } from "./validators"

const capability = requireCapability("tax_classes")

export const adminTaxClassRatesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/tax-class-rates",
    middlewares: [capability, validateAndTransformQuery(AdminGetTaxClassRatesParams, listTaxClassRatesQueryConfig)],
  },
  {
    method: ["POST"],
    matcher: "/admin/tax-class-rates",
    middlewares: [
      capability,
      validateAndTransformBody(AdminCreateTaxClassRate),
      validateAndTransformQuery(AdminGetTaxClassRateParams, retrieveTaxClassRateQueryConfig),
    ],
  },
  {
    method: ["DELETE"],
    matcher: "/admin/tax-class-rates/:id",
    middlewares: [capability, validateAndTransformQuery(AdminGetTaxClassRateParams, retrieveTaxClassRateQueryConfig)],
  },
  {
    method: ["POST"],
    matcher: "/admin/tax-class-rates/:id",
    middlewares: [
      capability,
      validateAndTransformBody(AdminUpdateTaxClassRate),
      validateAndTransformQuery(AdminGetTaxClassRateParams, retrieveTaxClassRateQueryConfig),
    ],
  },
]
