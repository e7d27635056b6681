import { Skeleton, StatusBadge, Table } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useMembershipKind, useSegmentRuns } from "../../hooks/api/segments"
import { formatDateTime, formatDuration } from "../../lib/format"
import type { AdminCustomerSegment, AdminCustomerSegmentRun } from "../../../types/http"
import { SectionStatus } from "../common/query-state"
import { Section } from "../common/section"

export const RUN_COLORS: Record<AdminCustomerSegmentRun["status"], "green" | "red" | "orange" | "blue"> = {
  succeeded: "green",
  failed: "red",
  running: "blue",
  queued: "orange",
}

/** A segment's refresh runs, newest first. */
/** The refresh history; none for segments that are never refreshed (static, per cart). */
export const RunHistory = ({ segment }: { segment: AdminCustomerSegment }) => {
  const { t } = useTranslation()
  const runs = useSegmentRuns(segment.id)
  if (useMembershipKind(segment) !== "refreshed") {
    return null
  }
  return (
    <Section testId="segment-runs" title={t("customerSuite.segments.detail.runs")}>
      <SectionStatus
        isPending={runs.isPending}
        isError={runs.isError}
        isEmpty={runs.data?.runs.length === 0}
        empty={t("customerSuite.segments.detail.noRuns")}
        skeleton={<Skeleton className="h-20 w-full" />}
      />
      {runs.data && runs.data.runs.length > 0 && (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>{t("customerSuite.segments.runs.started")}</Table.HeaderCell>
              <Table.HeaderCell>{t("customerSuite.segments.runs.trigger")}</Table.HeaderCell>
              <Table.HeaderCell>{t("customerSuite.segments.runs.status")}</Table.HeaderCell>
              <Table.HeaderCell>{t("customerSuite.segments.runs.matched")}</Table.HeaderCell>
              <Table.HeaderCell>{t("customerSuite.segments.runs.added")}</Table.HeaderCell>
              <Table.HeaderCell>{t("customerSuite.segments.runs.removed")}</Table.HeaderCell>
              <Table.HeaderCell>{t("customerSuite.segments.runs.duration")}</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {runs.data.runs.map((run) => (
              <Table.Row key={run.id} title={run.error ?? undefined}>
                <Table.Cell>{formatDateTime(run.started_at ?? run.created_at)}</Table.Cell>
                <Table.Cell>{t(`customerSuite.segments.trigger.${run.trigger}`)}</Table.Cell>
                <Table.Cell>
                  <StatusBadge color={RUN_COLORS[run.status]}>{t(`customerSuite.segments.runStatus.${run.status}`)}</StatusBadge>
                </Table.Cell>
                <Table.Cell>{run.matched ?? "—"}</Table.Cell>
                <Table.Cell>{run.added ?? "—"}</Table.Cell>
                <Table.Cell>{run.removed ?? "—"}</Table.Cell>
                <Table.Cell>{formatDuration(run.duration_ms)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </Section>
  )
}
