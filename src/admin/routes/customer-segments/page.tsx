import { defineRouteConfig } from "@medusajs/admin-sdk"
import {
  Button,
  Container,
  DataTable,
  Heading,
  StatusBadge,
  Text,
  createDataTableColumnHelper,
  createDataTableFilterHelper,
  useDataTable,
  type DataTableFilteringState,
  type DataTablePaginationState,
} from "@medusajs/ui"
import { useMemo } from "react"
import { useTranslation } from "react-i18next"
import { Link, useNavigate, useSearchParams } from "react-router-dom"
import { formatDateTime, formatDuration } from "../../lib/format"
import { useSegments, type Segment, type SegmentKind, type SegmentStatus } from "../../lib/segments"
import { useTableTranslations } from "../../components/segments/table-translations"

const PAGE_SIZE = 20
const column = createDataTableColumnHelper<Segment>()
const filter = createDataTableFilterHelper<Segment>()

/** Filter values from the URL, keeping only the allowed ones (a hand-edited URL must not break the page). */
const list = <T extends string>(value: string | null, allowed: readonly T[]): T[] =>
  (value ? value.split(",") : []).filter((v): v is T => (allowed as readonly string[]).includes(v))

const SegmentsPage = () => {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [params, setParams] = useSearchParams()
  const q = params.get("q") ?? ""
  const offset = Math.max(0, Number(params.get("offset")) || 0)
  const kind = list<SegmentKind>(params.get("kind"), ["dynamic", "static"])
  const status = list<SegmentStatus>(params.get("status"), ["active", "inactive"])

  const update = (patch: Record<string, string | null>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev)
        for (const [key, value] of Object.entries(patch)) {
          if (value === null || value === "") {
            next.delete(key)
          } else {
            next.set(key, value)
          }
        }
        return next
      },
      { replace: true }
    )

  const { data, isPending, isError, error } = useSegments({
    q: q || undefined,
    kind: kind.length ? kind : undefined,
    status: status.length ? status : undefined,
    limit: PAGE_SIZE,
    offset,
    order: "name",
  })

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
        cell: ({ getValue }) => <span data-testid="segment-member-count">{Number(getValue()).toLocaleString()}</span>,
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
            <span className="text-ui-fg-muted">{t("customerSuite.segments.neverRefreshed")}</span>
          ),
      }),
    ],
    [t]
  )

  const filters = useMemo(
    () => [
      filter.accessor("kind", {
        type: "multiselect",
        label: t("customerSuite.segments.fields.kind"),
        options: (["dynamic", "static"] as const).map((v) => ({ label: t(`customerSuite.segments.kind.${v}`), value: v })),
      }),
      filter.accessor("status", {
        type: "multiselect",
        label: t("customerSuite.segments.fields.status"),
        options: (["active", "inactive"] as const).map((v) => ({ label: t(`customerSuite.segments.status.${v}`), value: v })),
      }),
    ],
    [t]
  )

  const filtering: DataTableFilteringState = {
    ...(kind.length ? { kind } : {}),
    ...(status.length ? { status } : {}),
  }
  const pagination: DataTablePaginationState = { pageIndex: Math.floor(offset / PAGE_SIZE), pageSize: PAGE_SIZE }

  const table = useDataTable({
    data: data?.customer_segments ?? [],
    columns,
    filters,
    getRowId: (row) => row.id,
    rowCount: data?.count ?? 0,
    isLoading: isPending,
    search: { state: q, onSearchChange: (value) => update({ q: value, offset: null }) },
    filtering: {
      state: filtering,
      onFilteringChange: (state) =>
        update({
          kind: ((state.kind as string[] | undefined) ?? []).join(","),
          status: ((state.status as string[] | undefined) ?? []).join(","),
          offset: null,
        }),
    },
    pagination: {
      state: pagination,
      onPaginationChange: (state) => update({ offset: state.pageIndex ? String(state.pageIndex * state.pageSize) : null }),
    },
    onRowClick: (_, row) => navigate(row.id),
  })
  const translations = useTableTranslations()

  return (
    <Container className="divide-y p-0" data-testid="segments-list">
      <DataTable instance={table}>
        <DataTable.Toolbar className="flex flex-col items-start justify-between gap-2 md:flex-row md:items-center" translations={translations.toolbar}>
          <div>
            <Heading>{t("customerSuite.segments.title")}</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              {t("customerSuite.segments.subtitle")}
            </Text>
          </div>
          <div className="flex items-center gap-x-2">
            <DataTable.FilterMenu tooltip={t("customerSuite.common.filter")} />
            <DataTable.Search placeholder={t("customerSuite.common.search")} />
            <Button size="small" variant="secondary" asChild>
              <Link to="create" data-testid="segments-create">
                {t("customerSuite.common.create")}
              </Link>
            </Button>
          </div>
        </DataTable.Toolbar>
        {isError ? (
          <div className="px-6 py-8" role="alert">
            <Text size="small" className="text-ui-fg-error">
              {t("customerSuite.common.loadError")} {error instanceof Error ? error.message : ""}
            </Text>
          </div>
        ) : (
          <DataTable.Table
            emptyState={{
              empty: { heading: t("customerSuite.segments.empty.heading"), description: t("customerSuite.segments.empty.description") },
              filtered: { heading: t("customerSuite.common.noResults"), description: t("customerSuite.common.noResultsHint") },
            }}
          />
        )}
        <DataTable.Pagination translations={translations.pagination} />
      </DataTable>
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "customerSuite.segments.nav",
  translationNs: "translation",
  nested: "/customers",
})

export const handle = {
  breadcrumb: () => <Breadcrumb />,
}

const Breadcrumb = () => {
  const { t } = useTranslation()
  return <>{t("customerSuite.segments.title")}</>
}

export default SegmentsPage
