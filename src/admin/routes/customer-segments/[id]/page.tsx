import { ArrowDownTray, ArrowPath, PencilSquare, Trash } from "@medusajs/icons"
import {
  Badge,
  Button,
  CodeBlock,
  Container,
  Heading,
  Skeleton,
  StatusBadge,
  Table,
  Text,
} from "@medusajs/ui"
import { useQueryClient } from "@tanstack/react-query"
import { useEffect, useRef } from "react"
import { useTranslation } from "react-i18next"
import { Link, useNavigate, useParams, type UIMatch } from "react-router-dom"
import { Loaded, SectionStatus, Stat } from "../../../components/common/query-state"
import { toast } from "../../../components/common/toast"
import { Section } from "../../../components/common/section"
import { useConfirmedWrite } from "../../../components/common/table-parts"
import { SegmentMembers } from "../../../components/segments/segment-members"
import { RuleSummary } from "../../../components/segments/rule-summary"
import {
  invalidateSegments,
  isRunActive,
  membersExportUrl,
  useDeleteSegment,
  useRefreshSegment,
  useSegment,
  useSegmentRuns,
} from "../../../hooks/api/segments"
import { messageOf } from "../../../lib/api"
import { formatDateTime, formatDuration } from "../../../lib/format"
import type { AdminCustomerSegment, AdminCustomerSegmentRun } from "../../../../types/http"

const RUN_COLORS: Record<AdminCustomerSegmentRun["status"], "green" | "red" | "orange" | "blue"> = {
  succeeded: "green",
  failed: "red",
  running: "blue",
  queued: "orange",
}

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
                <CodeBlock snippets={[{ label: t("customerSuite.segments.form.text"), language: "sql", code: segment.query, hideLineNumbers: true }]}>
                  <CodeBlock.Body />
                </CodeBlock>
              )}
            </Container>
          )}
          <SegmentMembers segment={segment} />
          <RunHistory segment={segment} />
        </div>
      )}
    </Loaded>
  )
}

const SegmentHeader = ({ segment }: { segment: AdminCustomerSegment }) => {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const confirmedWrite = useConfirmedWrite()
  const client = useQueryClient()
  const remove = useDeleteSegment(segment.id)
  const refresh = useRefreshSegment(segment.id)
  const runs = useSegmentRuns(segment.id)
  const latest = runs.data?.runs[0]
  const active = isRunActive(latest)

  // When a run finishes, the counts, members and managed group have changed.
  const wasActive = useRef(false)
  useEffect(() => {
    if (wasActive.current && !active && latest) {
      void invalidateSegments(client)
      if (latest.status === "succeeded") {
        toast.success(t("customerSuite.segments.detail.refreshDone", { matched: latest.matched ?? 0 }))
      } else if (latest.status === "failed") {
        toast.error(t("customerSuite.segments.detail.refreshFailed"), { description: latest.error ?? undefined })
      }
    }
    wasActive.current = active
  }, [active, latest, client, t])

  const onDelete = () =>
    confirmedWrite({
      title: t("customerSuite.segments.detail.deleteTitle"),
      description: t(segment.customer_group_id ? "customerSuite.segments.detail.deleteWithGroup" : "customerSuite.segments.detail.deleteDescription", {
        name: segment.name,
      }),
      write: () => remove.mutateAsync(),
      done: t("customerSuite.segments.detail.deleted", { name: segment.name }),
      failed: t("customerSuite.segments.detail.deleteFailed"),
      then: () => navigate("/customer-segments", { replace: true }),
    })

  const onRefresh = async () => {
    // Set first: the run may already be over when the runs query refetches.
    wasActive.current = true
    try {
      await refresh.mutateAsync()
    } catch (error) {
      toast.error(t("customerSuite.segments.detail.refreshFailed"), { description: messageOf(error) })
    }
  }

  return (
    <Container className="divide-y p-0">
      <div className="flex flex-wrap items-start justify-between gap-4 px-6 py-4">
        <div className="flex flex-col gap-y-1">
          <div className="flex items-center gap-x-2">
            <Heading data-testid="segment-name">{segment.name}</Heading>
            <StatusBadge color={segment.status === "active" ? "green" : "grey"}>{t(`customerSuite.segments.status.${segment.status}`)}</StatusBadge>
          </div>
          {segment.description && (
            <Text size="small" className="text-ui-fg-subtle">
              {segment.description}
            </Text>
          )}
          <div className="flex flex-wrap gap-2 pt-1">
            <Badge size="2xsmall">{t(`customerSuite.segments.kind.${segment.kind}`)}</Badge>
            <Badge size="2xsmall">{t(`customerSuite.segments.appliesTo.${segment.applies_to}`)}</Badge>
            {segment.relative_dates && <Badge size="2xsmall">{t("customerSuite.segments.detail.scheduled")}</Badge>}
          </div>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {segment.kind === "dynamic" && (
            <Button size="small" variant="secondary" onClick={onRefresh} isLoading={refresh.isPending} disabled={active} data-testid="segment-refresh">
              <ArrowPath />
              {t("customerSuite.segments.detail.refresh")}
            </Button>
          )}
          <Button size="small" variant="secondary" asChild>
            <a href={membersExportUrl(segment.id)} download data-testid="segment-export">
              <ArrowDownTray />
              {t("customerSuite.segments.detail.export")}
            </a>
          </Button>
          <Button size="small" variant="secondary" asChild>
            <Link to="edit" data-testid="segment-edit">
              <PencilSquare />
              {t("customerSuite.common.edit")}
            </Link>
          </Button>
          <Button size="small" variant="danger" onClick={onDelete} isLoading={remove.isPending} data-testid="segment-delete">
            <Trash />
            {t("customerSuite.common.delete")}
          </Button>
        </div>
      </div>
      <dl className="grid grid-cols-2 gap-4 px-6 py-4 md:grid-cols-4">
        <Stat label={t("customerSuite.segments.fields.members")}>
          <span data-testid="segment-detail-member-count">{segment.member_count.toLocaleString()}</span>
        </Stat>
        <Stat label={t("customerSuite.segments.fields.lastRefresh")}>
          {segment.last_refreshed_at ? formatDateTime(segment.last_refreshed_at) : t("customerSuite.segments.neverRefreshed")}
          {segment.last_refresh_duration_ms !== null && <span className="text-ui-fg-muted"> · {formatDuration(segment.last_refresh_duration_ms)}</span>}
        </Stat>
        <Stat label={t("customerSuite.segments.detail.refreshStatus")}>
          <span data-testid="segment-run-status" aria-live="polite">
            {latest ? (
              <>
                <StatusBadge color={RUN_COLORS[latest.status]}>{t(`customerSuite.segments.runStatus.${latest.status}`)}</StatusBadge>
                {latest.status === "succeeded" && (
                  <span className="text-ui-fg-muted">
                    {" "}
                    {t("customerSuite.segments.detail.runCounts", { added: latest.added ?? 0, removed: latest.removed ?? 0 })}
                  </span>
                )}
                {latest.status === "failed" && latest.error && <span className="text-ui-fg-error block">{latest.error}</span>}
              </>
            ) : (
              "—"
            )}
          </span>
        </Stat>
        <Stat label={t("customerSuite.segments.detail.managedGroup")}>
          {segment.customer_group_id ? (
            <Link to={`/customer-groups/${segment.customer_group_id}`} className="text-ui-fg-interactive hover:underline" data-testid="segment-group-link">
              {t("customerSuite.segments.detail.openGroup")}
            </Link>
          ) : (
            t("customerSuite.segments.detail.noGroup")
          )}
        </Stat>
      </dl>
    </Container>
  )
}

const RunHistory = ({ segment }: { segment: AdminCustomerSegment }) => {
  const { t } = useTranslation()
  const runs = useSegmentRuns(segment.id)
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

const Crumb = ({ id }: { id: string }) => {
  const { data } = useSegment(id)
  return <>{data?.customer_segment.name ?? id}</>
}

export const handle = {
  breadcrumb: (match: UIMatch) => <Crumb id={(match.params as { id?: string }).id ?? ""} />,
}

export default SegmentDetailPage
