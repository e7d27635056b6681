import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { PERSONALIZATION_MODULE } from "../../../../modules/personalization"
import { acceptedLocales, normalizeLocale, renderContent } from "../../../../modules/personalization/content-blocks/content"
import { explainBlock, type ContentBlockCheck } from "../../../../modules/personalization/content-blocks/match"
import type PersonalizationModuleService from "../../../../modules/personalization/service"
import type {
  AdminContentBlockCheck,
  AdminContentBlockPreviewEntry,
  AdminPreviewContentBlocksResponse,
} from "../../../../types/http/content-block"
import { loadContentShopper } from "../../../utils/content-block-shopper"
import { CONTENT_BLOCK_FIELDS, toAdminBlock, type ContentBlockRow } from "../helpers"
import type { AdminPreviewContentBlocksType } from "../validators"

/** How many blocks a preview considers at most. */
const MAX_PREVIEW_BLOCKS = 1000

type Names = { segments: Map<string, string>; groups: Map<string, string | null> }

const quoted = (ids: string[] | undefined, names: Map<string, string | null>) =>
  (ids ?? []).map((id) => `"${names.get(id) ?? id}"`).join(", ")

function message(check: ContentBlockCheck, names: Names, block: ContentBlockRow, locales: string[]): string {
  switch (check.check) {
    case "status":
      return check.ok ? "active" : "inactive"
    case "schedule":
      if (check.ok) {
        return block.ends_at ? `running until ${new Date(block.ends_at).toISOString()}` : "running"
      }
      return check.detail === "ended"
        ? `ended at ${new Date(block.ends_at!).toISOString()}`
        : `not started: starts at ${new Date(block.starts_at!).toISOString()}`
    case "locale":
      if (block.locale === null) {
        return "for every locale"
      }
      return check.ok
        ? `locale ${block.locale}`
        : `locale ${block.locale}, not ${locales.length ? locales.join(" or ") : "asked for (no locale given)"}`
    case "shopper_kind":
      return block.shopper_kind === "all"
        ? "for guests and registered customers"
        : check.ok
          ? `for ${block.shopper_kind === "guest" ? "guests" : "registered customers"}`
          : `only for ${block.shopper_kind === "guest" ? "guests" : "registered customers"}`
    case "exclusion":
      if (block.exclude_segment_ids.length === 0) {
        return "no excluded segments"
      }
      return check.ok ? "in none of the excluded segments" : `excluded by segment ${quoted(check.segment_ids, names.segments)}`
    case "targeting": {
      if (check.detail === "untargeted") {
        return "untargeted: shown to every shopper it allows"
      }
      if (!check.ok) {
        return "not targeted: in none of its segments, groups or audiences"
      }
      const parts = [
        check.segment_ids?.length ? `segment ${quoted(check.segment_ids, names.segments)}` : "",
        check.group_ids?.length ? `group ${quoted(check.group_ids, names.groups)}` : "",
        check.audience_ids?.length ? `audience ${check.audience_ids.map((id) => `"${id}"`).join(", ")}` : "",
      ].filter(Boolean)
      return `in ${parts.join(" and ")}`
    }
    case "limit":
      return check.detail ?? "beyond the limit"
  }
}

/**
 * POST /admin/content-blocks/preview { placement?, customer_id?, cart_id?, locale?, limit? }:
 * the blocks one shopper gets ("as customer X", "as a guest with cart Y",
 * or an anonymous guest), with the conditions that decided each, and the
 * other blocks of those placements with why not. The same checks as the
 * store's (modules/personalization/content-blocks/match.ts).
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminPreviewContentBlocksType>,
  res: MedusaResponse<AdminPreviewContentBlocksResponse>
) => {
  const body = req.validatedBody
  if (body.customer_id) {
    const [customer] = await req.scope.resolve(Modules.CUSTOMER).listCustomers({ id: body.customer_id }, { select: ["id"] })
    if (!customer) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `customer_id: no customer with id "${body.customer_id}"`)
    }
  }
  const shopper = await loadContentShopper(req.scope, { customer_id: body.customer_id ?? null, cart_id: body.cart_id, owner_check: false })
  const memberships = await shopper.memberships({ segments: true, groups: true, audiences: true })
  const service = req.scope.resolve<PersonalizationModuleService>(PERSONALIZATION_MODULE)
  const rows = (await service.listContentBlocks(body.placement ? { placement: body.placement } : {}, {
    select: CONTENT_BLOCK_FIELDS,
    take: MAX_PREVIEW_BLOCKS,
    order: { placement: "ASC", priority: "DESC", id: "ASC" },
  })) as unknown as ContentBlockRow[]
  // Placements in code-point order whatever the database's collation.
  rows.sort((a, b) => (a.placement < b.placement ? -1 : a.placement > b.placement ? 1 : 0))

  const now = new Date()
  const locales = acceptedLocales(body.locale ? normalizeLocale(body.locale) : null)
  const explained = rows.map((row) => ({ row, ...explainBlock(row, memberships, { now, locales }) }))

  const segmentIds = new Set([...memberships.segment_ids, ...rows.flatMap((r) => [...r.target_segment_ids, ...r.exclude_segment_ids])])
  const groupIds = new Set([...memberships.group_ids, ...rows.flatMap((r) => r.target_group_ids)])
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const segments = segmentIds.size
    ? ((await query.graph({ entity: "customer_segment", fields: ["id", "name"], filters: { id: [...segmentIds] } })).data as { id: string; name: string }[])
    : []
  const groups = groupIds.size
    ? await req.scope.resolve(Modules.CUSTOMER).listCustomerGroups({ id: [...groupIds] }, { select: ["id", "name"] })
    : []
  const names: Names = {
    segments: new Map(segments.map((s) => [s.id, s.name])),
    groups: new Map(groups.map((g) => [g.id, g.name ?? null])),
  }
  const withNames = (ids: string[] | undefined, map: Map<string, string | null>) => ids?.map((id) => ({ id, name: map.get(id) ?? null }))

  const shown = new Map<string, number>()
  const content_blocks: AdminContentBlockPreviewEntry[] = []
  const not_matched: AdminContentBlockPreviewEntry[] = []
  for (const { row, matched, checks } of explained) {
    const all: ContentBlockCheck[] = [...checks]
    let fits = matched
    if (matched) {
      const count = shown.get(row.placement) ?? 0
      fits = count < body.limit
      all.push({ check: "limit", ok: fits, detail: fits ? `number ${count + 1} of at most ${body.limit}` : `beyond the limit of ${body.limit}` })
      shown.set(row.placement, count + (fits ? 1 : 0))
    }
    const adminChecks: AdminContentBlockCheck[] = all.map((c) => ({
      check: c.check,
      ok: c.ok,
      message: message(c, names, row, locales),
      ...(c.segment_ids ? { segments: withNames(c.segment_ids, names.segments) } : {}),
      ...(c.group_ids ? { groups: withNames(c.group_ids, names.groups) } : {}),
      ...(c.audience_ids ? { audience_ids: c.audience_ids } : {}),
    }))
    const failed = adminChecks.find((c) => !c.ok)
    const targeting = adminChecks.find((c) => c.check === "targeting")!
    const kind = adminChecks.find((c) => c.check === "shopper_kind")!
    const entry: AdminContentBlockPreviewEntry = {
      content_block: toAdminBlock(row, now),
      matched: fits,
      reason: failed ? failed.message : row.shopper_kind === "all" ? targeting.message : `${kind.message}; ${targeting.message}`,
      checks: adminChecks,
      html: renderContent(row.format, row.content),
    }
    ;(fits ? content_blocks : not_matched).push(entry)
  }

  res.json({
    shopper: {
      kind: shopper.kind,
      customer_id: shopper.customer_id,
      cart_id: shopper.cart_id,
      segments: memberships.segment_ids.map((id) => ({ id, name: names.segments.get(id) ?? id })),
      groups: memberships.group_ids.map((id) => ({ id, name: names.groups.get(id) ?? null })),
      audience_ids: memberships.audience_ids,
    },
    content_blocks,
    not_matched,
  })
}
