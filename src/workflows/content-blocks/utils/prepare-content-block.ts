import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { CUSTOMER_SEGMENT_MODULE } from "../../../modules/customer_segment"
import type CustomerSegmentModuleService from "../../../modules/customer_segment/service"
import { normalizeLocale, prepareContent } from "../../../modules/personalization/content-blocks/content"
import { isTargeted } from "../../../modules/personalization/content-blocks/match"
import type { ContentBlockData, ContentBlockInput } from "../types"

const bad = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

async function assertExist(found: { id: string }[], ids: string[], field: string, what: string) {
  const known = new Set(found.map((f) => f.id))
  const missing = ids.filter((id) => !known.has(id))
  if (missing.length) {
    throw bad(`${field}: no ${what} with id ${missing.map((id) => `"${id}"`).join(", ")}`)
  }
}

/**
 * A block's fields as stored, from the fields given over the previous ones
 * (none for a new block): content cleaned or checked for its format, locale
 * normalised, targets checked to exist, the schedule in order and
 * `targeted` derived.
 */
export async function prepareContentBlock(
  container: MedusaContainer,
  input: Partial<ContentBlockInput>,
  previous: ContentBlockData | null
): Promise<Omit<ContentBlockData, "id">> {
  const merged = {
    name: input.name ?? previous?.name ?? "",
    placement: input.placement ?? previous?.placement ?? "",
    format: input.format ?? previous?.format ?? "html",
    content: input.content ?? previous?.content ?? "",
    image_url: input.image_url === undefined ? (previous?.image_url ?? null) : input.image_url,
    link_url: input.link_url === undefined ? (previous?.link_url ?? null) : input.link_url,
    shopper_kind: input.shopper_kind ?? previous?.shopper_kind ?? "all",
    target_segment_ids: [...new Set(input.target_segment_ids ?? previous?.target_segment_ids ?? [])],
    target_group_ids: [...new Set(input.target_group_ids ?? previous?.target_group_ids ?? [])],
    target_audience_ids: [...new Set(input.target_audience_ids ?? previous?.target_audience_ids ?? [])],
    exclude_segment_ids: [...new Set(input.exclude_segment_ids ?? previous?.exclude_segment_ids ?? [])],
    priority: input.priority ?? previous?.priority ?? 0,
    starts_at: input.starts_at === undefined ? (previous?.starts_at ?? null) : input.starts_at,
    ends_at: input.ends_at === undefined ? (previous?.ends_at ?? null) : input.ends_at,
    status: input.status ?? previous?.status ?? "active",
    locale: input.locale === undefined ? (previous?.locale ?? null) : input.locale,
    metadata: input.metadata === undefined ? (previous?.metadata ?? null) : input.metadata,
  }
  // Cleaned again only when it changed: stored HTML is already clean.
  if (!previous || input.content !== undefined || input.format !== undefined) {
    merged.content = prepareContent(merged.format, merged.content)
  }
  if (merged.locale !== null) {
    const locale = normalizeLocale(merged.locale)
    if (!locale) {
      throw bad(`locale: a language tag such as "en" or "de-DE"`)
    }
    merged.locale = locale
  }
  if (merged.starts_at && merged.ends_at && new Date(merged.ends_at).getTime() <= new Date(merged.starts_at).getTime()) {
    throw bad("ends_at: must be after starts_at")
  }
  const overlap = merged.target_segment_ids.filter((id) => merged.exclude_segment_ids.includes(id))
  if (overlap.length) {
    throw bad(`exclude_segment_ids: ${overlap.map((id) => `"${id}"`).join(", ")} is also a target segment`)
  }
  const segmentIds = [...new Set([...merged.target_segment_ids, ...merged.exclude_segment_ids])]
  if (segmentIds.length) {
    const segments = container.resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE)
    const found = await segments.listCustomerSegments({ id: segmentIds }, { select: ["id"] })
    await assertExist(found, merged.target_segment_ids, "target_segment_ids", "segment")
    await assertExist(found, merged.exclude_segment_ids, "exclude_segment_ids", "segment")
  }
  if (merged.target_group_ids.length) {
    const found = await container.resolve(Modules.CUSTOMER).listCustomerGroups({ id: merged.target_group_ids }, { select: ["id"] })
    await assertExist(found, merged.target_group_ids, "target_group_ids", "customer group")
  }
  return { ...merged, targeted: isTargeted(merged) }
}
