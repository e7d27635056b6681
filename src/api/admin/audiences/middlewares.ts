import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { requireCapability } from "../../utils/require-capability"
import {
  AdminCreateAudienceSource,
  AdminEmptyParams,
  AdminGetAudienceMembersParams,
  AdminGetAudienceSourceBatchesParams,
  AdminGetAudienceSourcesParams,
  AdminGetAudiencesParams,
  AdminUpdateAudience,
  AdminUpdateAudienceSource,
} from "./validators"

const enabled = requireCapability("personalization")

/** Audience sources and the audiences they push (admin). */
export const adminAudiencesMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/admin/audience-sources", middlewares: [enabled, validateAndTransformQuery(AdminGetAudienceSourcesParams, {})] },
  { method: ["POST"], matcher: "/admin/audience-sources", middlewares: [enabled, validateAndTransformBody(AdminCreateAudienceSource)] },
  { method: ["GET", "DELETE"], matcher: "/admin/audience-sources/:id", middlewares: [enabled, validateAndTransformQuery(AdminEmptyParams, {})] },
  { method: ["POST"], matcher: "/admin/audience-sources/:id", middlewares: [enabled, validateAndTransformBody(AdminUpdateAudienceSource)] },
  {
    method: ["POST"],
    matcher: "/admin/audience-sources/:id/rotate-secret",
    middlewares: [enabled, validateAndTransformQuery(AdminEmptyParams, {})],
  },
  {
    method: ["GET"],
    matcher: "/admin/audience-sources/:id/batches",
    middlewares: [enabled, validateAndTransformQuery(AdminGetAudienceSourceBatchesParams, {})],
  },
  { method: ["GET"], matcher: "/admin/audiences", middlewares: [enabled, validateAndTransformQuery(AdminGetAudiencesParams, {})] },
  { method: ["GET"], matcher: "/admin/audiences/:id", middlewares: [enabled, validateAndTransformQuery(AdminGetAudienceMembersParams, {})] },
  { method: ["POST"], matcher: "/admin/audiences/:id", middlewares: [enabled, validateAndTransformBody(AdminUpdateAudience)] },
]
