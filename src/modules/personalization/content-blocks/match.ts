/**
 * Who a content block is for, in one place: the store's resolver and the
 * admin's "preview as" both call these functions, so the preview explains
 * exactly what the store does.
 *
 * A block matches a shopper when its shopper kind allows them ("all",
 * "guest", "registered"), they are in none of its excluded segments, and it
 * either has no positive targets or the shopper is in at least one of its
 * target segments, groups or audiences (any of them).
 */

export type ShopperKind = "guest" | "registered"

export type BlockTargeting = {
  id: string
  status: "active" | "inactive"
  starts_at: Date | string | null
  ends_at: Date | string | null
  locale: string | null
  shopper_kind: "all" | ShopperKind
  target_segment_ids: string[]
  target_group_ids: string[]
  target_audience_ids: string[]
  exclude_segment_ids: string[]
}

export type ShopperMemberships = {
  kind: ShopperKind
  segment_ids: string[]
  group_ids: string[]
  audience_ids: string[]
}

/**
 * Which memberships deciding these blocks needs (the rest is not computed);
 * `segment_ids`: the only segments asked about (absent: every segment).
 */
export type MembershipNeeds = { segments: boolean; groups: boolean; audiences: boolean; segment_ids?: string[] }

export function membershipNeeds(blocks: BlockTargeting[]): MembershipNeeds {
  const segmentIds = [...new Set(blocks.flatMap((b) => [...b.target_segment_ids, ...b.exclude_segment_ids]))].sort()
  return {
    segment_ids: segmentIds,
    segments: segmentIds.length > 0,
    groups: blocks.some((b) => b.target_group_ids.length > 0),
    audiences: blocks.some((b) => b.target_audience_ids.length > 0),
  }
}

/** Whether a block is for everybody (nothing about the shopper decides it). */
export function isTargeted(block: Pick<BlockTargeting, "shopper_kind" | "target_segment_ids" | "target_group_ids" | "target_audience_ids" | "exclude_segment_ids">): boolean {
  return (
    block.shopper_kind !== "all" ||
    block.target_segment_ids.length > 0 ||
    block.target_group_ids.length > 0 ||
    block.target_audience_ids.length > 0 ||
    block.exclude_segment_ids.length > 0
  )
}

const among = (ids: string[], set: Set<string>) => ids.filter((id) => set.has(id))

/** The targeting part of the decision (status, schedule and locale are the query's). */
export function matchesShopper(block: BlockTargeting, shopper: ShopperMemberships): boolean {
  return explainTargeting(block, shopper).every((c) => c.ok)
}

export type ContentBlockCheckName = "status" | "schedule" | "locale" | "shopper_kind" | "exclusion" | "targeting" | "limit"

export type ContentBlockCheck = {
  check: ContentBlockCheckName
  ok: boolean
  /** For exclusion: the excluded segments the shopper is in; for targeting: the targets that matched. */
  segment_ids?: string[]
  group_ids?: string[]
  audience_ids?: string[]
  /** "untargeted" when the block has no positive targets. */
  detail?: string
}

function explainTargeting(block: BlockTargeting, shopper: ShopperMemberships): ContentBlockCheck[] {
  const segments = new Set(shopper.segment_ids)
  const checks: ContentBlockCheck[] = [
    { check: "shopper_kind", ok: block.shopper_kind === "all" || block.shopper_kind === shopper.kind, detail: block.shopper_kind },
  ]
  const excluded = among(block.exclude_segment_ids, segments)
  checks.push({ check: "exclusion", ok: excluded.length === 0, segment_ids: excluded })
  const positive = block.target_segment_ids.length + block.target_group_ids.length + block.target_audience_ids.length
  if (positive === 0) {
    checks.push({ check: "targeting", ok: true, detail: "untargeted" })
  } else {
    const segmentIds = among(block.target_segment_ids, segments)
    const groupIds = among(block.target_group_ids, new Set(shopper.group_ids))
    const audienceIds = among(block.target_audience_ids, new Set(shopper.audience_ids))
    checks.push({
      check: "targeting",
      ok: segmentIds.length + groupIds.length + audienceIds.length > 0,
      segment_ids: segmentIds,
      group_ids: groupIds,
      audience_ids: audienceIds,
      detail: "targeted",
    })
  }
  return checks
}

const time = (value: Date | string | null) => (value === null ? null : new Date(value).getTime())

/**
 * Every check of a block for a shopper, in the order the store applies them:
 * status, schedule, locale (the resolving query), then shopper kind,
 * exclusions and targets.
 */
export function explainBlock(
  block: BlockTargeting,
  shopper: ShopperMemberships,
  options: { now: Date; locales: string[] }
): { matched: boolean; checks: ContentBlockCheck[] } {
  const now = options.now.getTime()
  const starts = time(block.starts_at)
  const ends = time(block.ends_at)
  const checks: ContentBlockCheck[] = [
    { check: "status", ok: block.status === "active", detail: block.status },
    {
      check: "schedule",
      ok: (starts === null || starts <= now) && (ends === null || ends > now),
      detail: starts !== null && starts > now ? "not started" : ends !== null && ends <= now ? "ended" : "running",
    },
    {
      check: "locale",
      ok: block.locale === null || options.locales.includes(block.locale),
      detail: block.locale ?? "any",
    },
    ...explainTargeting(block, shopper),
  ]
  return { matched: checks.every((c) => c.ok), checks }
}
