import { Badge, StatusBadge, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { isMissingRoute, useContentBlocks } from "../../hooks/api/content-blocks"
import { SectionStatus } from "../common/query-state"
import { Section, SectionLink } from "../common/section"
import { ScheduleBadge } from "./schedule"

const SHOWN = 50

/** The segment page's list of the content blocks that target the segment or exclude it, each linked. */
export const SegmentContentBlocks = ({ segmentId }: { segmentId: string }) => {
  const { t } = useTranslation()
  const { data, isPending, isError, error } = useContentBlocks({ segment_id: segmentId, limit: SHOWN })
  const blocks = data?.content_blocks ?? []
  // Content blocks turned off in the plugin's options: the routes answer 404, the section is left out.
  if (isMissingRoute(error)) {
    return null
  }
  return (
    <Section
      testId="segment-content-blocks"
      title={t("customerSuite.contentBlocks.segment.title")}
      hint={t("customerSuite.contentBlocks.segment.hint")}
      actions={
        <SectionLink to="/content-blocks/create" testId="segment-content-blocks-create">
          {t("customerSuite.contentBlocks.segment.create")}
        </SectionLink>
      }
    >
      <SectionStatus isPending={isPending} isError={isError} isEmpty={!!data && blocks.length === 0} empty={t("customerSuite.contentBlocks.segment.none")} />
      {blocks.map((block) => {
        const excluded = block.exclude_segment_ids.includes(segmentId)
        return (
          <div key={block.id} className="flex flex-wrap items-center justify-between gap-2 px-6 py-3" data-testid="segment-content-block-row" data-block-id={block.id}>
            <div className="flex min-w-0 items-center gap-x-2">
              <Link to={`/content-blocks/${block.id}`} className="txt-compact-small-plus text-ui-fg-interactive truncate hover:underline">
                {block.name}
              </Link>
              <code className="txt-compact-xsmall text-ui-fg-subtle">{block.placement}</code>
            </div>
            <div className="flex items-center gap-x-2">
              <Badge size="2xsmall" color={excluded ? "red" : "blue"} data-testid="segment-content-block-relation">
                {t(excluded ? "customerSuite.contentBlocks.segment.excludes" : "customerSuite.contentBlocks.segment.targets")}
              </Badge>
              <StatusBadge color={block.status === "active" ? "green" : "grey"}>{t(`customerSuite.contentBlocks.status.${block.status}`)}</StatusBadge>
              <ScheduleBadge block={block} />
            </div>
          </div>
        )
      })}
      {data && data.count > blocks.length && (
        <Text size="small" className="text-ui-fg-subtle px-6 py-3">
          {t("customerSuite.contentBlocks.segment.more", { count: data.count - blocks.length })}
        </Text>
      )}
    </Section>
  )
}
