import { createHash } from "node:crypto"
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PERSONALIZATION_MODULE } from "../../../../modules/personalization"
import type PersonalizationModuleService from "../../../../modules/personalization/service"
import type { StoreContentBlockEventsResponse } from "../../../../types/http/content-block"
import { recordContentBlockEventsWorkflow } from "../../../../workflows/content-blocks"
import { loadContentShopper, requestCustomerId } from "../../../utils/content-block-shopper"
import type { StoreContentBlockEventsType } from "../validators"

/**
 * Who counts once per block, type and hour: the customer of the token, else
 * the guest's cart, else the storefront's anonymous id, else a hash of the
 * client's address and user agent (nothing personal is stored).
 */
function shopperKey(req: AuthenticatedMedusaRequest, input: { customer_id: string | null; cart_id: string | null; anonymous_id?: string }): string {
  if (input.customer_id) {
    return `customer:${input.customer_id}`
  }
  if (input.cart_id) {
    return `cart:${input.cart_id}`
  }
  if (input.anonymous_id) {
    return `anonymous:${input.anonymous_id}`
  }
  const agent = String(req.headers["user-agent"] ?? "").slice(0, 512)
  return `client:${createHash("sha256").update(`${req.ip ?? ""}\n${agent}`).digest("hex").slice(0, 32)}`
}

/**
 * POST /store/content-blocks/events { cart_id?, anonymous_id?, events: [{ block_id, type }] }:
 * a storefront's batch of impressions and clicks. Each counts once per
 * shopper, block and type within a UTC hour, overall and for each segment the
 * block targets that the shopper is in; unknown (or deleted) blocks are
 * ignored and counted as such.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<StoreContentBlockEventsType>,
  res: MedusaResponse<StoreContentBlockEventsResponse>
) => {
  const body = req.validatedBody
  const shopper = await loadContentShopper(req.scope, { customer_id: requestCustomerId(req.auth_context), cart_id: body.cart_id, owner_check: true })
  const service = req.scope.resolve<PersonalizationModuleService>(PERSONALIZATION_MODULE)

  // One event per block and type in a batch: repeats are duplicates.
  const distinct = [...new Map(body.events.map((e) => [`${e.block_id} ${e.type}`, e])).values()]
  const blockIds = [...new Set(distinct.map((e) => e.block_id))]
  const blocks = await service.listContentBlocks({ id: blockIds }, { select: ["id", "target_segment_ids"], take: blockIds.length })
  const targets = new Map(blocks.map((b) => [b.id, (b.target_segment_ids ?? []) as string[]]))
  const known = distinct.filter((e) => targets.has(e.block_id))
  const unknown = body.events.filter((e) => !targets.has(e.block_id)).length

  // Only the segments these blocks target are evaluated.
  const targeted = [...new Set(known.flatMap((e) => targets.get(e.block_id)!))].sort()
  const mine = new Set(
    targeted.length ? (await shopper.memberships({ segments: true, groups: false, audiences: false, segment_ids: targeted })).segment_ids : []
  )
  const { result } = await recordContentBlockEventsWorkflow(req.scope).run({
    input: {
      shopper_key: shopperKey(req, { customer_id: shopper.customer_id, cart_id: shopper.cart_id, anonymous_id: body.anonymous_id }),
      events: known.map((e) => ({ ...e, segment_ids: targets.get(e.block_id)!.filter((id) => mine.has(id)) })),
      now: new Date(),
    },
  })
  res.json({ recorded: result.recorded, duplicates: body.events.length - unknown - result.recorded, unknown })
}
