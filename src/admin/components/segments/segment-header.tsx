import { ArrowDownTray, ArrowPath, PencilSquare, Trash } from "@medusajs/icons"
import { Badge, Button, Container, Heading, StatusBadge, Text } from "@medusajs/ui"
import { useQueryClient } from "@tanstack/react-query"
import { useEffect, useRef } from "react"
import { useTranslation } from "react-i18next"
import { Link, useNavigate } from "react-router-dom"
import {
  invalidateSegments,
  isRunActive,
  membersExportUrl,
  useDeleteSegment,
  useMembershipKind,
  useRefreshSegment,
  useSegmentRuns,
} from "../../hooks/api/segments"
import { formatDateTime, formatDuration } from "../../lib/format"
import type { AdminCustomerSegment, AdminCustomerSegmentRun } from "../../../types/http"
import { Stat } from "../common/query-state"
import { useConfirmedWrite } from "../common/table-parts"
import { toast } from "../common/toast"
import { RUN_COLORS } from "./segment-runs"
import { readableMessage } from "../../lib/field-errors"

/**
 * A segment's name, badges and actions, then its figures. How members are
 * kept decides what is said about refreshes: a dynamic segment is
 * refreshed; a static one gets its members by hand or through the API; one
 * that reads only the current cart is decided per cart when the store asks.
 */
export const SegmentHeader = ({ segment }: { segment: AdminCustomerSegment }) => {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const confirmedWrite = useConfirmedWrite()
  const client = useQueryClient()
  const remove = useDeleteSegment(segment.id)
  const refresh = useRefreshSegment(segment.id)
  const runs = useSegmentRuns(segment.id)
  const latest = runs.data?.runs[0]
  const active = isRunActive(latest)
  const membership = useMembershipKind(segment)

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
      toast.error(t("customerSuite.segments.detail.refreshFailed"), { description: readableMessage(error) })
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
          {membership === "refreshed" && (
            <Button size="small" variant="secondary" onClick={onRefresh} isLoading={refresh.isPending} disabled={active} data-testid="segment-refresh">
              <ArrowPath />
              {t("customerSuite.segments.detail.refresh")}
            </Button>
          )}
          {membership !== "perCart" && (
            <Button size="small" variant="secondary" asChild>
              <a href={membersExportUrl(segment.id)} download data-testid="segment-export">
                <ArrowDownTray />
                {t("customerSuite.segments.detail.export")}
              </a>
            </Button>
          )}
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
          <span data-testid="segment-detail-member-count">
            {membership === "perCart" ? t("customerSuite.segments.membership.perCartCount") : segment.member_count.toLocaleString()}
          </span>
        </Stat>
        {membership !== "refreshed" ? (
          <div className="col-span-2">
            <Stat label={t("customerSuite.segments.membership.label")}>
              <span data-testid="segment-membership">{t(`customerSuite.segments.membership.${membership}`)}</span>
            </Stat>
          </div>
        ) : (
          <RefreshStats segment={segment} latest={latest} />
        )}
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

/** When a refreshed segment was last refreshed, and how its latest run went. */
const RefreshStats = ({ segment, latest }: { segment: AdminCustomerSegment; latest?: AdminCustomerSegmentRun }) => {
  const { t } = useTranslation()
  return (
    <>
      <Stat label={t("customerSuite.segments.fields.lastRefresh")}>
          {segment.last_refreshed_at ? formatDateTime(segment.last_refreshed_at) : t("customerSuite.segments.neverRefreshed.refreshed")}
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
    </>
  )
}
