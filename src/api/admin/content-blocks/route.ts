import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PERSONALIZATION_MODULE } from "../../../modules/personalization"
import type PersonalizationModuleService from "../../../modules/personalization/service"
import type { AdminContentBlockListResponse, AdminContentBlockResponse } from "../../../types/http/content-block"
import { createContentBlocksWorkflow } from "../../../workflows/content-blocks"
import { containsPattern } from "../../utils/contains-pattern"
import { CONTENT_BLOCK_FIELDS, retrieveAdminBlock, toAdminBlock, type ContentBlockRow } from "./helpers"
import type { AdminCreateContentBlockType, AdminGetContentBlocksParamsType } from "./validators"

/**
 * GET /admin/content-blocks?q=&placement=&status=&segment_id=&offset=&limit=&order=:
 * blocks with their status and schedule; `segment_id` keeps the blocks that
 * target or exclude that segment.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetContentBlocksParamsType>,
  res: MedusaResponse<AdminContentBlockListResponse>
) => {
  const params = req.validatedQuery as AdminGetContentBlocksParamsType
  const service = req.scope.resolve<PersonalizationModuleService>(PERSONALIZATION_MODULE)
  const filters: Record<string, unknown> = {}
  if (params.placement) {
    filters.placement = params.placement
  }
  if (params.status) {
    filters.status = params.status
  }
  if (params.q) {
    filters.name = { $ilike: containsPattern(params.q) }
  }
  if (params.segment_id) {
    filters.id = await service.listContentBlockIdsForSegment(params.segment_id)
    if ((filters.id as string[]).length === 0) {
      return res.json({ content_blocks: [], count: 0, offset: params.offset, limit: params.limit })
    }
  }
  const order: Record<string, "ASC" | "DESC"> = params.order
    ? { [params.order.replace(/^-/, "")]: params.order.startsWith("-") ? "DESC" : "ASC", id: "ASC" }
    : { placement: "ASC", priority: "DESC", id: "ASC" }
  const [rows, count] = await service.listAndCountContentBlocks(filters, {
    select: CONTENT_BLOCK_FIELDS,
    skip: params.offset,
    take: params.limit,
    order,
  })
  const now = new Date()
  res.json({
    content_blocks: rows.map((r) => toAdminBlock(r as unknown as ContentBlockRow, now)),
    count,
    offset: params.offset,
    limit: params.limit,
  })
}

/** POST /admin/content-blocks: create a block (HTML cleaned, targets checked). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateContentBlockType>, res: MedusaResponse<AdminContentBlockResponse>) => {
  const { result } = await createContentBlocksWorkflow(req.scope).run({ input: { content_blocks: [req.validatedBody] } })
  res.status(200).json({ content_block: await retrieveAdminBlock(req.scope, result[0].id) })
}
