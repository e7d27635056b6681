import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { PERSONALIZATION_MODULE } from "../../../modules/personalization"
import { acceptedLocales, normalizeLocale, storeContent } from "../../../modules/personalization/content-blocks/content"
import { matchesShopper, membershipNeeds } from "../../../modules/personalization/content-blocks/match"
import type PersonalizationModuleService from "../../../modules/personalization/service"
import type { StoreContentBlock, StoreContentBlockListResponse } from "../../../types/http/content-block"
import { loadContentShopper, requestCustomerId } from "../../utils/content-block-shopper"
import { localeTag, type StoreGetContentBlocksParamsType } from "./validators"

/**
 * The request's locale: Medusa takes `?locale=` (or the `x-medusa-locale`
 * header) off every /store request before validators run and puts it on
 * `req.locale`; checked here with the validators' rule.
 */
function requestLocale(req: AuthenticatedMedusaRequest): string | null {
  const raw = (req as { locale?: unknown }).locale
  if (raw === undefined || raw === null || raw === "") {
    return null
  }
  const parsed = localeTag("locale").safeParse(raw)
  const locale = parsed.success ? normalizeLocale(parsed.data) : null
  if (!locale) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, 'locale: a language tag such as "en" or "de-DE"')
  }
  return locale
}

/** How many live blocks of one placement the resolver reads at most (a placement holds a handful in practice). */
export const MAX_CANDIDATES = 500

/**
 * GET /store/content-blocks?placement=&cart_id=&locale=&limit=: the blocks
 * of a placement for the current shopper, best first. The shopper is the
 * customer of the token, else a guest known by their cart (segments
 * evaluated live on it); a registered customer's cart is not found for
 * anyone else. Answers never name segments, groups or audiences.
 *
 * Caching: a placement whose live blocks are all for everybody answers
 * `public, max-age=60`; otherwise `private, no-cache`. Both vary on
 * Authorization (docs/decisions/0020-content-block-resolution.md).
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, StoreGetContentBlocksParamsType>,
  res: MedusaResponse<StoreContentBlockListResponse>
) => {
  const params = req.validatedQuery as StoreGetContentBlocksParamsType
  const locale = requestLocale(req)
  const service = req.scope.resolve<PersonalizationModuleService>(PERSONALIZATION_MODULE)
  // The cart (and its owner check) and the candidates at once: neither needs the other.
  const [shopper, candidates] = await Promise.all([
    loadContentShopper(req.scope, { customer_id: requestCustomerId(req.auth_context), cart_id: params.cart_id, owner_check: true }),
    service.listLiveContentBlocks({ placement: params.placement, locales: acceptedLocales(locale), now: new Date(), take: MAX_CANDIDATES }),
  ])
  const targeted = candidates.filter((b) => b.targeted)
  const memberships = targeted.length ? await shopper.memberships(membershipNeeds(targeted)) : null
  const chosen = candidates.filter((b) => !b.targeted || matchesShopper(b, memberships!)).slice(0, params.limit)

  res.setHeader("Vary", "Authorization")
  res.setHeader("Cache-Control", targeted.length ? "private, no-cache" : "public, max-age=60")
  res.json({
    content_blocks: chosen.map(
      (b): StoreContentBlock => ({
        id: b.id,
        placement: b.placement,
        format: b.format,
        content: storeContent(b.format, b.content),
        image_url: b.image_url,
        link_url: b.link_url,
        priority: b.priority,
        locale: b.locale,
      })
    ),
  })
}
