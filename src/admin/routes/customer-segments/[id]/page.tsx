import { Container, Heading } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useParams, type UIMatch } from "react-router-dom"
import { Loaded } from "../../../components/common/query-state"
import { SegmentContentBlocks } from "../../../components/content-blocks/segment-blocks"
import { RuleIdLegend } from "../../../components/segments/rule-id-legend"
import { RuleSummary } from "../../../components/segments/rule-summary"
import { SegmentHeader } from "../../../components/segments/segment-header"
import { SegmentMembers } from "../../../components/segments/segment-members"
import { RunHistory } from "../../../components/segments/segment-runs"
import { useSegment } from "../../../hooks/api/segments"

const SegmentDetailPage = () => {
  const { t } = useTranslation()
  const { id = "" } = useParams()
  return (
    <Loaded query={useSegment(id)} variant="detail">
      {({ customer_segment: segment }) => (
        <div className="flex flex-col gap-y-3" data-testid="segment-detail">
          <SegmentHeader segment={segment} />
          {segment.kind === "dynamic" && segment.rule && (
            <Container className="flex flex-col gap-y-3 p-6">
              <Heading level="h2">{t("customerSuite.segments.detail.rule")}</Heading>
              <RuleSummary rule={segment.rule} />
              {segment.query && (
                <div className="flex flex-col gap-y-2">
                  <pre
                    className="txt-compact-small bg-ui-bg-subtle text-ui-fg-base overflow-x-auto whitespace-pre-wrap break-words rounded-md border px-3 py-2 font-mono"
                    aria-label={t("customerSuite.segments.form.queryLabel")}
                    data-testid="segment-query-text"
                  >
                    {segment.query}
                  </pre>
                  <RuleIdLegend rule={segment.rule} />
                </div>
              )}
            </Container>
          )}
          <SegmentMembers segment={segment} />
          <SegmentContentBlocks segmentId={segment.id} />
          <RunHistory segment={segment} />
        </div>
      )}
    </Loaded>
  )
}

const Crumb = ({ id }: { id: string }) => {
  const { data } = useSegment(id)
  return <>{data?.customer_segment.name ?? id}</>
}

export const handle = {
  breadcrumb: (match: UIMatch) => <Crumb id={(match.params as { id?: string }).id ?? ""} />,
}

export default SegmentDetailPage
