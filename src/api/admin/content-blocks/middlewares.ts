import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { requireCapability } from "../../utils/require-capability"
import {
  AdminCreateContentBlock,
  AdminEmptyParams,
  AdminGetContentBlockParams,
  AdminGetContentBlockStatsParams,
  AdminGetContentBlocksParams,
  AdminPreviewContentBlocks,
  AdminRenderContentBlock,
  AdminUpdateContentBlock,
} from "./validators"

const enabled = requireCapability("personalization")

export const adminContentBlocksMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/content-blocks",
    middlewares: [enabled, validateAndTransformQuery(AdminGetContentBlocksParams, {})],
  },
  {
    method: ["POST"],
    matcher: "/admin/content-blocks",
    middlewares: [enabled, validateAndTransformBody(AdminCreateContentBlock), validateAndTransformQuery(AdminGetContentBlockParams, {})],
  },
  {
    method: ["GET"],
    matcher: "/admin/content-blocks/placements",
    middlewares: [enabled, validateAndTransformQuery(AdminEmptyParams, {})],
  },
  {
    method: ["POST"],
    matcher: "/admin/content-blocks/render",
    middlewares: [enabled, validateAndTransformBody(AdminRenderContentBlock)],
  },
  {
    method: ["POST"],
    matcher: "/admin/content-blocks/preview",
    middlewares: [enabled, validateAndTransformBody(AdminPreviewContentBlocks)],
  },
  {
    method: ["GET", "DELETE"],
    matcher: "/admin/content-blocks/:id",
    middlewares: [enabled, validateAndTransformQuery(AdminGetContentBlockParams, {})],
  },
  {
    method: ["POST"],
    matcher: "/admin/content-blocks/:id",
    middlewares: [enabled, validateAndTransformBody(AdminUpdateContentBlock), validateAndTransformQuery(AdminGetContentBlockParams, {})],
  },
  {
    method: ["GET"],
    matcher: "/admin/content-blocks/:id/stats",
    middlewares: [enabled, validateAndTransformQuery(AdminGetContentBlockStatsParams, {})],
  },
]
