import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Badge, Container, DataTable, Text, createDataTableColumnHelper } from "@medusajs/ui"
import { useMemo } from "react"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { AudienceSourcesSection } from "../../components/audiences/audience-sources-section"
import { useListTable, useListUrlState } from "../../components/common/list-page"
import { TextCrumb, TitleBlock } from "../../components/common/query-state"
import { useAudiences } from "../../hooks/api/audiences"
import { useTableTranslations } from "../../hooks/use-table-translations"
import { formatDateTime } from "../../lib/format"
import type { AdminAudience } from "../../../types/http"

const PAGE_SIZE = 20
const column = createDataTableColumnHelper<AdminAudience>()

/** Audiences pushed by a CDP: the sources (secrets, last batch, errors) and the audiences with their members. */
const AudiencesPage = () => {
  const { t } = useTranslation()
  const url = useListUrlState(PAGE_SIZE)
  const { q, offset } = url
  const { data, isPending, error } = useAudiences({ q: q || undefined, limit: PAGE_SIZE, offset })
  const translations = useTableTranslations()

  const columns = useMemo(
    () => [
      column.accessor("name", {
        header: t("customerSuite.audiences.fields.name"),
        cell: ({ row }) => (
          <Link to={row.original.id} className="text-ui-fg-base hover:underline" onClick={(e) => e.stopPropagation()}>
            {row.original.name}
          </Link>
        ),
      }),
      column.accessor("source", {
        header: t("customerSuite.audiences.fields.source"),
        cell: ({ row }) => (
          <span>
            {row.original.source.name}
            <span className="text-ui-fg-muted font-mono"> · {row.original.external_id}</span>
          </span>
        ),
      }),
      column.accessor("member_count", {
        header: t("customerSuite.audiences.fields.members"),
        cell: ({ getValue }) => <span data-testid="audience-member-count">{Number(getValue()).toLocaleString()}</span>,
      }),
      column.accessor("last_batch_at", {
        header: t("customerSuite.audiences.fields.lastBatch"),
        cell: ({ getValue }) => (getValue() ? formatDateTime(getValue()) : <span className="text-ui-fg-muted">{t("customerSuite.audiences.never")}</span>),
      }),
      column.accessor("sync_customer_group", {
        header: t("customerSuite.audiences.fields.group"),
        cell: ({ getValue }) =>
          getValue() ? (
            <Badge size="2xsmall" color="green">
              {t("customerSuite.audiences.group.on")}
            </Badge>
          ) : (
            <span className="text-ui-fg-muted">{t("customerSuite.audiences.group.off")}</span>
          ),
      }),
    ],
    [t]
  )

  const table = useListTable(url, {
    data: data?.audiences ?? [],
    count: data?.count,
    columns,
    isLoading: isPending,
    urlFilters: [],
  })

  return (
    <div className="flex flex-col gap-y-3" data-testid="audiences-page">
      <AudienceSourcesSection />
      <Container className="divide-y p-0" data-testid="audiences-list">
        <DataTable instance={table}>
          <DataTable.Toolbar className="flex flex-col items-start justify-between gap-2 md:flex-row md:items-center" translations={translations.toolbar}>
            <TitleBlock title={t("customerSuite.audiences.title")} hint={t("customerSuite.audiences.subtitle")} />
            <DataTable.Search placeholder={t("customerSuite.common.search")} />
          </DataTable.Toolbar>
          {error ? (
            <Text size="small" className="text-ui-fg-error px-6 py-4" role="alert">
              {t("customerSuite.common.loadError")}
            </Text>
          ) : (
            <DataTable.Table
              emptyState={{
                empty: { heading: t("customerSuite.audiences.empty.heading"), description: t("customerSuite.audiences.empty.description") },
                filtered: { heading: t("customerSuite.common.noResults"), description: t("customerSuite.common.noResultsHint") },
              }}
            />
          )}
          <DataTable.Pagination translations={translations.pagination} />
        </DataTable>
      </Container>
    </div>
  )
}

export const config = defineRouteConfig({
  label: "customerSuite.audiences.nav",
  translationNs: "translation",
  nested: "/customers",
})

export const handle = {
  breadcrumb: () => <TextCrumb k="customerSuite.audiences.title" />,
}

export default AudiencesPage
