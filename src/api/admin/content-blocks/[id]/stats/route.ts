import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { PERSONALIZATION_MODULE } from "../../../../../modules/personalization"
import type PersonalizationModuleService from "../../../../../modules/personalization/service"
import type { AdminContentBlockCounts, AdminContentBlockStatsResponse } from "../../../../../types/http/content-block"
import { retrieveAdminBlock } from "../../helpers"
import type { AdminGetContentBlockStatsParamsType } from "../../validators"

const DAY = 86_400_000
const MAX_DAYS = 366

const counts = (impressions: number, clicks: number): AdminContentBlockCounts => ({
  impressions,
  clicks,
  click_rate: impressions > 0 ? Math.round((clicks / impressions) * 10_000) / 10_000 : 0,
})

/**
 * GET /admin/content-blocks/:id/stats?from=&to=: impressions, clicks and
 * click rate of a block between two UTC days (default: the last 30 days),
 * overall, per targeted segment and per day.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetContentBlockStatsParamsType>,
  res: MedusaResponse<AdminContentBlockStatsResponse>
) => {
  const block = await retrieveAdminBlock(req.scope, req.params.id)
  const params = req.validatedQuery as AdminGetContentBlockStatsParamsType
  const today = new Date().toISOString().slice(0, 10)
  const to = params.to ?? (params.from && params.from > today ? params.from : today)
  const from = params.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - 29 * DAY).toISOString().slice(0, 10)
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY + 1
  if (days < 1) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "from: must not be after to")
  }
  if (days > MAX_DAYS) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `to: at most ${MAX_DAYS} days after from`)
  }
  const service = req.scope.resolve<PersonalizationModuleService>(PERSONALIZATION_MODULE)
  const rows = await service.readContentBlockStats({ block_id: block.id, from, to })

  const sum = (filter: (r: (typeof rows)[number]) => boolean, type: "impression" | "click") =>
    rows.filter((r) => filter(r) && r.type === type).reduce((n, r) => n + r.count, 0)
  const overall = (r: (typeof rows)[number]) => r.segment_id === ""

  const segmentIds = [...new Set([...block.target_segment_ids, ...rows.filter((r) => !overall(r)).map((r) => r.segment_id)])].sort()
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const segments = segmentIds.length
    ? ((await query.graph({ entity: "customer_segment", fields: ["id", "name"], filters: { id: segmentIds } })).data as { id: string; name: string }[])
    : []
  const names = new Map(segments.map((s) => [s.id, s.name]))

  const by_day = Array.from({ length: days }, (_, i) => {
    const date = new Date(Date.parse(`${from}T00:00:00Z`) + i * DAY).toISOString().slice(0, 10)
    return {
      date,
      impressions: sum((r) => overall(r) && r.day === date, "impression"),
      clicks: sum((r) => overall(r) && r.day === date, "click"),
    }
  })
  res.json({
    stats: {
      from,
      to,
      ...counts(sum(overall, "impression"), sum(overall, "click")),
      by_segment: segmentIds.map((id) => ({
        segment_id: id,
        segment_name: names.get(id) ?? null,
        ...counts(sum((r) => r.segment_id === id, "impression"), sum((r) => r.segment_id === id, "click")),
      })),
      by_day,
    },
  })
}
