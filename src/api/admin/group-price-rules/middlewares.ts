import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { requireCapability } from "../../utils/require-capability"
import { listGroupPriceRulesQueryConfig, retrieveGroupPriceRuleQueryConfig } from "./query-config"
import {
  AdminCreateGroupPriceRule,
  AdminEmptyBody,
  AdminGetGroupPriceRuleParams,
  AdminGetGroupPriceRulesParams,
  AdminGroupPricePreviewParams,
  AdminPreviewGroupPriceRule,
  AdminUpdateGroupPriceRule,
} from "./validators"

const capability = requireCapability("group_pricing")
const retrieve = validateAndTransformQuery(AdminGetGroupPriceRuleParams, retrieveGroupPriceRuleQueryConfig)

export const adminGroupPriceRulesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/group-price-rules",
    middlewares: [capability, validateAndTransformQuery(AdminGetGroupPriceRulesParams, listGroupPriceRulesQueryConfig)],
  },
  { method: ["POST"], matcher: "/admin/group-price-rules", middlewares: [capability, validateAndTransformBody(AdminCreateGroupPriceRule), retrieve] },
  { method: ["POST"], matcher: "/admin/group-price-rules/preview", middlewares: [capability, validateAndTransformBody(AdminPreviewGroupPriceRule)] },
  { method: ["GET", "DELETE"], matcher: "/admin/group-price-rules/:id", middlewares: [capability, retrieve] },
  { method: ["POST"], matcher: "/admin/group-price-rules/:id", middlewares: [capability, validateAndTransformBody(AdminUpdateGroupPriceRule), retrieve] },
  { method: ["POST"], matcher: "/admin/group-price-rules/:id/resync", middlewares: [capability, validateAndTransformBody(AdminEmptyBody), retrieve] },
  {
    method: ["GET"],
    matcher: "/admin/group-price-rules/:id/preview",
    middlewares: [capability, validateAndTransformQuery(AdminGroupPricePreviewParams, {})],
  },
]
