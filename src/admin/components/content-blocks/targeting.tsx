import { Badge, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { useAudienceLabels } from "../../hooks/api/content-blocks"
import { usePickerLabels } from "../../hooks/api/pickers"
import type { AdminContentBlock } from "../../../types/http"
import { Stat } from "../common/query-state"

type Targeting = Pick<
  AdminContentBlock,
  "shopper_kind" | "target_segment_ids" | "target_group_ids" | "target_audience_ids" | "exclude_segment_ids"
>

/**
 * Who a block is for, in a few words (the list's column): the shopper kind,
 * then how many segments, groups and audiences, then exclusions.
 */
export const useTargetingSummary = () => {
  const { t } = useTranslation()
  return (block: Targeting) => {
    const targets = [
      block.target_segment_ids.length && t("customerSuite.contentBlocks.summary.segments", { count: block.target_segment_ids.length }),
      block.target_group_ids.length && t("customerSuite.contentBlocks.summary.groups", { count: block.target_group_ids.length }),
      block.target_audience_ids.length && t("customerSuite.contentBlocks.summary.audiences", { count: block.target_audience_ids.length }),
    ].filter((p): p is string => !!p)
    const parts = [
      block.shopper_kind === "all" && !targets.length
        ? t("customerSuite.contentBlocks.summary.everybody")
        : targets.length
          ? t("customerSuite.contentBlocks.summary.inAny", { who: t(`customerSuite.contentBlocks.summary.kind.${block.shopper_kind}`), targets: targets.join(", ") })
          : t(`customerSuite.contentBlocks.summary.kind.${block.shopper_kind}`),
    ]
    if (block.exclude_segment_ids.length) {
      parts.push(t("customerSuite.contentBlocks.summary.excluding", { count: block.exclude_segment_ids.length }))
    }
    return parts.join(" · ")
  }
}

const Names = ({ ids, labels, to, testId }: { ids: string[]; labels?: Record<string, string>; to?: (id: string) => string; testId: string }) => {
  const { t } = useTranslation()
  if (!ids.length) {
    return <span className="text-ui-fg-muted">{t("customerSuite.contentBlocks.detail.none")}</span>
  }
  return (
    <span className="flex flex-wrap gap-1" data-testid={testId}>
      {ids.map((id) => (
        <Badge key={id} size="2xsmall">
          {to ? (
            <Link to={to(id)} className="hover:underline">
              {labels?.[id] ?? id}
            </Link>
          ) : (
            (labels?.[id] ?? id)
          )}
        </Badge>
      ))}
    </span>
  )
}

/** A block's targeting with names (segments and groups linked to their pages). */
export const TargetingDetails = ({ block }: { block: Targeting }) => {
  const { t } = useTranslation()
  const segments = usePickerLabels("segment", [...new Set([...block.target_segment_ids, ...block.exclude_segment_ids])])
  const groups = usePickerLabels("customer_group", block.target_group_ids)
  const audiences = useAudienceLabels(block.target_audience_ids)
  const summary = useTargetingSummary()
  return (
    <div className="flex flex-col gap-y-3 px-6 py-4" data-testid="content-block-detail-targeting">
      <Text size="small" data-testid="content-block-targeting-summary">
        {summary(block)}
      </Text>
      <dl className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <Stat label={t("customerSuite.contentBlocks.fields.segments")}>
          <Names ids={block.target_segment_ids} labels={segments.data} to={(id) => `/customer-segments/${id}`} testId="content-block-detail-segments" />
        </Stat>
        <Stat label={t("customerSuite.contentBlocks.fields.groups")}>
          <Names ids={block.target_group_ids} labels={groups.data} to={(id) => `/customer-groups/${id}`} testId="content-block-detail-groups" />
        </Stat>
        <Stat label={t("customerSuite.contentBlocks.fields.audiences")}>
          <Names ids={block.target_audience_ids} labels={audiences.data} testId="content-block-detail-audiences" />
        </Stat>
        <Stat label={t("customerSuite.contentBlocks.fields.exclude")}>
          <Names ids={block.exclude_segment_ids} labels={segments.data} to={(id) => `/customer-segments/${id}`} testId="content-block-detail-exclude" />
        </Stat>
      </dl>
    </div>
  )
}
