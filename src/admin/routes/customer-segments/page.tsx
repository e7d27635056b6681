import { defineRouteConfig } from "@medusajs/admin-sdk"
import { StatusBadge, createDataTableColumnHelper, createDataTableFilterHelper } from "@medusajs/ui"
import { useMemo } from "react"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { BackfillPanel } from "../../components/segments/backfill-panel"
import { ListPage, listParam, urlFilter, useListTable, useListUrlState } from "../../components/common/list-page"
import { TextCrumb } from "../../components/common/query-state"
import { useCurrentCartAttributes, useSegments } from "../../hooks/api/segments"
import { formatDateTime, formatDuration } from "../../lib/format"
import { membershipKind } from "../../lib/segment-kinds"
import type { AdminCustomerSegment } from "../../../types/http"
import { SEGMENT_KINDS, SEGMENT_STATUSES } from "../../lib/types/segments"

const PAGE_SIZE = 20
const column = createDataTableColumnHelper<AdminCustomerSegment>()
const filter = createDataTableFilterHelper<AdminCustomerSegment>()

const SegmentsPage = () => {
  const { t } = useTranslation()
  const url = useListUrlState(PAGE_SIZE)
  const { params, q, offset } = url
  const kind = listParam(params.get("kind"), SEGMENT_KINDS)
  const status = listParam(params.get("status"), SEGMENT_STATUSES)

  const { data, isPending, error } = useSegments({
    q: q || undefined,
    kind: kind.length ? kind : undefined,
    status: status.length ? status : undefined,
    limit: PAGE_SIZE,
    offset,
    order: "name",
  })

  const currentCart = useCurrentCartAttributes()
  const columns = useMemo(
    () => [
      column.accessor("name", {
        header: t("customerSuite.segments.fields.name"),
        cell: ({ row }) => (
          <Link to={row.original.id} className="text-ui-fg-base hover:underline" onClick={(e) => e.stopPropagation()}>
            {row.original.name}
          </Link>
        ),
      }),
      column.accessor("kind", {
        header: t("customerSuite.segments.fields.kind"),
        cell: ({ getValue }) => t(`customerSuite.segments.kind.${getValue()}`),
      }),
      column.accessor("applies_to", {
        header: t("customerSuite.segments.fields.appliesTo"),
        cell: ({ getValue }) => t(`customerSuite.segments.appliesTo.${getValue()}`),
      }),
      column.accessor("status", {
        header: t("customerSuite.segments.fields.status"),
        cell: ({ getValue }) => (
          <StatusBadge color={getValue() === "active" ? "green" : "grey"}>{t(`customerSuite.segments.status.${getValue()}`)}</StatusBadge>
        ),
      }),
      column.accessor("member_count", {
        header: t("customerSuite.segments.fields.members"),
        cell: ({ row, getValue }) => (
          <span data-testid="segment-member-count">
            {membershipKind(row.original, currentCart) === "perCart" ? t("customerSuite.segments.membership.perCartCount") : Number(getValue()).toLocaleString()}
          </span>
        ),
      }),
      column.accessor("last_refreshed_at", {
        header: t("customerSuite.segments.fields.lastRefresh"),
        cell: ({ row }) =>
          row.original.last_refreshed_at ? (
            <span>
              {formatDateTime(row.original.last_refreshed_at)}
              {row.original.last_refresh_duration_ms !== null && (
                <span className="text-ui-fg-muted"> · {formatDuration(row.original.last_refresh_duration_ms)}</span>
              )}
            </span>
          ) : (
            <span className="text-ui-fg-muted">{t(`customerSuite.segments.neverRefreshed.${membershipKind(row.original, currentCart)}`)}</span>
          ),
      }),
    ],
    [t, currentCart]
  )

  const filters = useMemo(
    () => [
      filter.accessor("kind", {
        type: "multiselect",
        label: t("customerSuite.segments.fields.kind"),
        options: SEGMENT_KINDS.map((v) => ({ label: t(`customerSuite.segments.kind.${v}`), value: v })),
      }),
      filter.accessor("status", {
        type: "multiselect",
        label: t("customerSuite.segments.fields.status"),
        options: SEGMENT_STATUSES.map((v) => ({ label: t(`customerSuite.segments.status.${v}`), value: v })),
      }),
    ],
    [t]
  )

  const table = useListTable(url, {
    data: data?.customer_segments ?? [],
    count: data?.count,
    columns,
    filters,
    isLoading: isPending,
    urlFilters: [urlFilter("kind", "kind", kind), urlFilter("status", "status", status)],
  })

  return (
    <div className="flex flex-col gap-y-3">
      <ListPage table={table} texts="segments" testId="segments-list" createTestId="segments-create" error={error} />
      <BackfillPanel />
    </div>
  )
}

export const config = defineRouteConfig({
  label: "customerSuite.segments.nav",
  translationNs: "translation",
  nested: "/customers",
})

export const handle = {
  breadcrumb: () => <TextCrumb k="customerSuite.segments.title" />,
}

export default SegmentsPage
