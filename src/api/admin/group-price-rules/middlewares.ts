import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { requireCapability } from "../../utils/require-capability"
import {
  AdminCreateGroupPriceRule,
  AdminEmptyBody,
  AdminEmptyParams,
  AdminGetGroupPriceRulesParams,
  AdminGroupPricePreviewParams,
  AdminPreviewGroupPriceRule,
  AdminUpdateGroupPriceRule,
} from "./validators"

const capability = requireCapability("group_pricing")

export const adminGroupPriceRulesMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/admin/group-price-rules", middlewares: [capability, validateAndTransformQuery(AdminGetGroupPriceRulesParams, {})] },
  { method: ["POST"], matcher: "/admin/group-price-rules", middlewares: [capability, validateAndTransformBody(AdminCreateGroupPriceRule)] },
  { method: ["POST"], matcher: "/admin/group-price-rules/preview", middlewares: [capability, validateAndTransformBody(AdminPreviewGroupPriceRule)] },
  { method: ["GET", "DELETE"], matcher: "/admin/group-price-rules/:id", middlewares: [capability, validateAndTransformQuery(AdminEmptyParams, {})] },
  { method: ["POST"], matcher: "/admin/group-price-rules/:id", middlewares: [capability, validateAndTransformBody(AdminUpdateGroupPriceRule)] },
  { method: ["POST"], matcher: "/admin/group-price-rules/:id/resync", middlewares: [capability, validateAndTransformBody(AdminEmptyBody)] },
  { method: ["GET"], matcher: "/admin/group-price-rules/:id/preview", middlewares: [capability, validateAndTransformQuery(AdminGroupPricePreviewParams, {})] },
]
