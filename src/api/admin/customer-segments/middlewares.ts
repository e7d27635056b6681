import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { requireCapability } from "../../utils/require-capability"
import { listCustomerSegmentRunsQueryConfig, listCustomerSegmentsQueryConfig, retrieveCustomerSegmentQueryConfig } from "./query-config"
import {
  AdminBackfillCustomerFacts,
  AdminCreateCustomerSegment,
  AdminEmptyParams,
  AdminExplainCustomerSegmentParams,
  AdminGetCustomerSegmentMembersParams,
  AdminGetCustomerSegmentParams,
  AdminGetCustomerSegmentRunsParams,
  AdminGetCustomerSegmentsParams,
  AdminParseCustomerSegmentRule,
  AdminPreviewCustomerSegment,
  AdminUpdateCustomerSegment,
  AdminUpdateCustomerSegmentMembers,
} from "./validators"

const enabled = requireCapability("segments")

export const adminCustomerSegmentsMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/customer-segments",
    middlewares: [enabled, validateAndTransformQuery(AdminGetCustomerSegmentsParams, listCustomerSegmentsQueryConfig)],
  },
  {
    method: ["POST"],
    matcher: "/admin/customer-segments",
    middlewares: [
      enabled,
      validateAndTransformBody(AdminCreateCustomerSegment),
      validateAndTransformQuery(AdminGetCustomerSegmentParams, retrieveCustomerSegmentQueryConfig),
    ],
  },
  {
    method: ["GET"],
    matcher: "/admin/customer-segments/attributes",
    middlewares: [enabled, validateAndTransformQuery(AdminEmptyParams, {})],
  },
  {
    method: ["POST"],
    matcher: "/admin/customer-segments/parse",
    middlewares: [enabled, validateAndTransformBody(AdminParseCustomerSegmentRule)],
  },
  {
    method: ["POST"],
    matcher: "/admin/customer-segments/preview",
    middlewares: [enabled, validateAndTransformBody(AdminPreviewCustomerSegment)],
  },
  {
    method: ["POST"],
    matcher: "/admin/customer-segments/backfill",
    middlewares: [enabled, validateAndTransformBody(AdminBackfillCustomerFacts)],
  },
  {
    method: ["GET", "DELETE"],
    matcher: "/admin/customer-segments/:id",
    middlewares: [enabled, validateAndTransformQuery(AdminGetCustomerSegmentParams, retrieveCustomerSegmentQueryConfig)],
  },
  {
    method: ["POST"],
    matcher: "/admin/customer-segments/:id",
    middlewares: [
      enabled,
      validateAndTransformBody(AdminUpdateCustomerSegment),
      validateAndTransformQuery(AdminGetCustomerSegmentParams, retrieveCustomerSegmentQueryConfig),
    ],
  },
  {
    method: ["GET"],
    matcher: "/admin/customer-segments/:id/customers",
    middlewares: [enabled, validateAndTransformQuery(AdminGetCustomerSegmentMembersParams, {})],
  },
  {
    method: ["POST"],
    matcher: "/admin/customer-segments/:id/customers",
    middlewares: [
      enabled,
      validateAndTransformBody(AdminUpdateCustomerSegmentMembers),
      validateAndTransformQuery(AdminGetCustomerSegmentParams, retrieveCustomerSegmentQueryConfig),
    ],
  },
  {
    method: ["GET"],
    matcher: "/admin/customer-segments/:id/customers/export",
    middlewares: [enabled, validateAndTransformQuery(AdminEmptyParams, {})],
  },
  {
    method: ["POST"],
    matcher: "/admin/customer-segments/:id/refresh",
    middlewares: [enabled, validateAndTransformQuery(AdminEmptyParams, {})],
  },
  {
    method: ["GET"],
    matcher: "/admin/customer-segments/:id/runs",
    middlewares: [enabled, validateAndTransformQuery(AdminGetCustomerSegmentRunsParams, listCustomerSegmentRunsQueryConfig)],
  },
  {
    method: ["GET"],
    matcher: "/admin/customer-segments/:id/explain",
    middlewares: [enabled, validateAndTransformQuery(AdminExplainCustomerSegmentParams, {})],
  },
  {
    method: ["GET"],
    matcher: "/admin/customers/:id/customer-segments",
    middlewares: [enabled, validateAndTransformQuery(AdminGetCustomerSegmentParams, listCustomerSegmentsQueryConfig)],
  },
]
