import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Badge, Container, DataTable, Select, Text, createDataTableColumnHelper, useDataTable } from "@medusajs/ui"
import { useMemo } from "react"
import { useTranslation } from "react-i18next"
import { useNavigate } from "react-router-dom"
import { useListUrlState } from "../../components/common/list-page"
import { Stat, TextCrumb, TitleBlock } from "../../components/common/query-state"
import { PRESENCE_REFRESH_MS, useOnline } from "../../hooks/api/presence"
import { useTableTranslations } from "../../hooks/use-table-translations"
import { messageOf } from "../../lib/api"
import { formatDateTime } from "../../lib/format"
import { formatAgo, windowChoices } from "../../lib/presence"
import type { AdminOnlineShopper } from "../../../types/http"

const PAGE_SIZE = 20
const KINDS = ["customer", "visitor"] as const
const ALL = "all"
type Row = AdminOnlineShopper & { id: string }
const column = createDataTableColumnHelper<Row>()

/**
 * Now online: who used the storefront within the window (the store's
 * setting unless chosen here), customers and guest carts, newest first;
 * counts at the top; asked again every 30 seconds. Type, window, search and
 * page are kept in the URL.
 */
const NowOnlinePage = () => {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const translations = useTableTranslations()
  const url = useListUrlState(PAGE_SIZE)
  const { params, q, offset, update } = url
  const kind = KINDS.find((k) => k === params.get("kind"))
  const chosenWindow = Number(params.get("window")) || undefined
  const windowMinutes = chosenWindow && chosenWindow >= 1 && chosenWindow <= 1_440 ? Math.trunc(chosenWindow) : undefined
  const { data, isPending, error, isPlaceholderData, dataUpdatedAt } = useOnline({
    kind,
    window_minutes: windowMinutes,
    q: q || undefined,
    offset,
    limit: PAGE_SIZE,
  })
  const rows = useMemo<Row[]>(
    () => (data?.shoppers ?? []).map((s) => ({ ...s, id: `${s.kind}:${s.customer_id ?? s.cart_id}` })),
    [data?.shoppers]
  )
  const windowValue = String(windowMinutes ?? data?.window_minutes ?? "")

  const columns = useMemo(
    () => [
      column.display({
        id: "name",
        header: t("customerSuite.nowOnline.fields.name"),
        cell: ({ row }) =>
          [row.original.first_name, row.original.last_name].filter(Boolean).join(" ") || <span className="text-ui-fg-muted">—</span>,
      }),
      column.accessor("email", {
        header: t("customerSuite.nowOnline.fields.email"),
        cell: ({ getValue }) => getValue() ?? <span className="text-ui-fg-muted">—</span>,
      }),
      column.accessor("kind", {
        header: t("customerSuite.nowOnline.fields.type"),
        cell: ({ getValue }) => (
          <Badge size="2xsmall" color={getValue() === "customer" ? "blue" : "grey"}>
            {t(`customerSuite.nowOnline.kinds.${getValue()}`)}
          </Badge>
        ),
      }),
      column.accessor("last_seen_at", {
        header: t("customerSuite.nowOnline.fields.lastActivity"),
        cell: ({ getValue }) => <span title={formatDateTime(getValue())}>{formatAgo(getValue(), dataUpdatedAt || Date.now())}</span>,
      }),
      column.accessor("last_path", {
        header: t("customerSuite.nowOnline.fields.lastPath"),
        cell: ({ getValue }) => <code className="txt-compact-xsmall block max-w-[280px] truncate">{getValue() ?? "—"}</code>,
      }),
    ],
    [t, dataUpdatedAt]
  )

  const table = useDataTable({
    data: rows,
    columns,
    getRowId: (row) => row.id,
    rowCount: data?.count ?? 0,
    isLoading: isPending,
    search: url.search,
    pagination: url.pagination,
    onRowClick: (_, row) => {
      if (row.customer_id) {
        navigate(`/customers/${row.customer_id}`)
      }
    },
  })

  return (
    <Container className="divide-y p-0" data-testid="now-online" aria-busy={isPlaceholderData}>
      <DataTable instance={table}>
        <DataTable.Toolbar className="flex flex-col items-start justify-between gap-2 md:flex-row md:items-center" translations={translations.toolbar}>
          <TitleBlock title={t("customerSuite.nowOnline.title")} hint={t("customerSuite.nowOnline.subtitle", { seconds: PRESENCE_REFRESH_MS / 1000 })} />
          <div className="flex flex-wrap items-center gap-2">
            <Select size="small" value={kind ?? ALL} onValueChange={(value) => update({ kind: value === ALL ? null : value, offset: null })}>
              <Select.Trigger className="w-[160px]" data-testid="now-online-kind" aria-label={t("customerSuite.nowOnline.fields.type")}>
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                <Select.Item value={ALL}>{t("customerSuite.nowOnline.kinds.all")}</Select.Item>
                {KINDS.map((k) => (
                  <Select.Item key={k} value={k}>
                    {t(`customerSuite.nowOnline.kinds.${k}`)}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
            <Select size="small" value={windowValue} onValueChange={(value) => update({ window: value, offset: null })}>
              <Select.Trigger className="w-[180px]" data-testid="now-online-window" aria-label={t("customerSuite.nowOnline.window")}>
                <Select.Value placeholder={t("customerSuite.nowOnline.window")} />
              </Select.Trigger>
              <Select.Content>
                {windowChoices(data?.window_minutes).map((minutes) => (
                  <Select.Item key={minutes} value={String(minutes)}>
                    {t("customerSuite.nowOnline.withinMinutes", { count: minutes })}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
            <DataTable.Search placeholder={t("customerSuite.common.search")} />
          </div>
        </DataTable.Toolbar>
        <dl className="grid grid-cols-3 gap-4 px-6 py-4" data-testid="now-online-counts">
          <Stat label={t("customerSuite.nowOnline.counts.total")}>{data?.counts.total ?? "—"}</Stat>
          <Stat label={t("customerSuite.nowOnline.counts.customers")}>{data?.counts.customers ?? "—"}</Stat>
          <Stat label={t("customerSuite.nowOnline.counts.visitors")}>{data?.counts.visitors ?? "—"}</Stat>
        </dl>
        {error ? (
          <div className="px-6 py-8" role="alert">
            <Text size="small" className="text-ui-fg-error">
              {t("customerSuite.common.loadError")} {messageOf(error)}
            </Text>
          </div>
        ) : (
          <DataTable.Table
            emptyState={{
              empty: { heading: t("customerSuite.nowOnline.empty.heading"), description: t("customerSuite.nowOnline.empty.description") },
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
  label: "customerSuite.nowOnline.nav",
  translationNs: "translation",
  nested: "/customers",
})

export const handle = {
  breadcrumb: () => <TextCrumb k="customerSuite.nowOnline.title" />,
}

export default NowOnlinePage
