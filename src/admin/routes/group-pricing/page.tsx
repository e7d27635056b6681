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
import { useRuleWords } from "../../components/group-pricing/words"
import { useTableTranslations } from "../../components/segments/table-translations"
import { formatDateTime } from "../../lib/format"
import { RULE_STATUSES, useCustomerGroupOptions, useGroupPriceRules, type GroupPriceRule, type RuleStatus } from "../../lib/group-pricing"
import { usePickerLabels } from "../../lib/pickers"

const PAGE_SIZE = 20
const column = createDataTableColumnHelper<GroupPriceRule>()
const filter = createDataTableFilterHelper<GroupPriceRule>()

const GroupPricingPage = () => {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const words = useRuleWords()
  const [params, setParams] = useSearchParams()
  const q = params.get("q") ?? ""
  const offset = Math.max(0, Number(params.get("offset")) || 0)
  // A hand-edited URL must not break the page: unknown values are dropped.
  const statusParam = params.get("status")
  const status = RULE_STATUSES.find((s) => s === statusParam)
  const group = /^[A-Za-z0-9_-]{1,100}$/.test(params.get("group") ?? "") ? params.get("group")! : undefined

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

  const { data, isPending, isError, error } = useGroupPriceRules({
    q: q || undefined,
    customer_group_id: group,
    status,
    limit: PAGE_SIZE,
    offset,
  })
  const rules = data?.group_price_rules ?? []
  const groupIds = useMemo(() => [...new Set(rules.map((r) => r.customer_group_id))], [rules])
  const groupNames = usePickerLabels("customer_group", groupIds)
  const groupOptions = useCustomerGroupOptions()

  const columns = useMemo(
    () => [
      column.accessor("name", {
        header: t("customerSuite.groupPricing.fields.name"),
        cell: ({ row }) => (
          <Link to={row.original.id} className="text-ui-fg-base hover:underline" onClick={(e) => e.stopPropagation()}>
            {row.original.name}
          </Link>
        ),
      }),
      column.accessor("customer_group_id", {
        header: t("customerSuite.groupPricing.fields.group"),
        cell: ({ getValue }) => (
          <Link
            to={`/customer-groups/${getValue()}`}
            className="text-ui-fg-interactive hover:underline"
            onClick={(e) => e.stopPropagation()}
            data-testid="group-pricing-row-group"
          >
            {groupNames.data?.[getValue()] ?? (groupNames.isPending ? "…" : t("customerSuite.groupPricing.groupMissing"))}
          </Link>
        ),
      }),
      column.accessor("adjustment_type", {
        header: t("customerSuite.groupPricing.fields.adjustment"),
        cell: ({ row }) => <span data-testid="group-pricing-row-adjustment">{words.adjustment(row.original)}</span>,
      }),
      column.accessor("scope_type", {
        header: t("customerSuite.groupPricing.fields.scope"),
        cell: ({ row }) => words.scope(row.original),
      }),
      column.accessor("tiers", {
        header: t("customerSuite.groupPricing.fields.tiers"),
        cell: ({ getValue }) => (getValue()?.length ? String(getValue()!.length) : <span className="text-ui-fg-muted">—</span>),
      }),
      column.accessor("priority", {
        header: t("customerSuite.groupPricing.fields.priority"),
      }),
      column.accessor("status", {
        header: t("customerSuite.groupPricing.fields.status"),
        cell: ({ row }) => {
          const { color, label } = words.state(row.original)
          return <StatusBadge color={color}>{label}</StatusBadge>
        },
      }),
      column.accessor("starts_at", {
        header: t("customerSuite.groupPricing.fields.window"),
        cell: ({ row }) => words.window(row.original),
      }),
      column.accessor("synced_at", {
        header: t("customerSuite.groupPricing.fields.lastSync"),
        cell: ({ getValue }) =>
          getValue() ? formatDateTime(getValue()) : <span className="text-ui-fg-muted">{t("customerSuite.groupPricing.neverSynced")}</span>,
      }),
    ],
    [t, words, groupNames.data, groupNames.isPending]
  )

  const filters = useMemo(
    () => [
      filter.accessor("customer_group_id", {
        type: "radio",
        label: t("customerSuite.groupPricing.fields.group"),
        options: groupOptions.data ?? [],
      }),
      filter.accessor("status", {
        type: "radio",
        label: t("customerSuite.groupPricing.fields.status"),
        options: RULE_STATUSES.map((v) => ({ label: t(`customerSuite.groupPricing.status.${v}`), value: v })),
      }),
    ],
    [t, groupOptions.data]
  )

  const filtering: DataTableFilteringState = {
    ...(group ? { customer_group_id: group } : {}),
    ...(status ? { status } : {}),
  }
  const pagination: DataTablePaginationState = { pageIndex: Math.floor(offset / PAGE_SIZE), pageSize: PAGE_SIZE }

  const table = useDataTable({
    data: rules,
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
          group: (state.customer_group_id as string | undefined) ?? null,
          status: (state.status as RuleStatus | undefined) ?? null,
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
    <Container className="divide-y p-0" data-testid="group-pricing-list">
      <DataTable instance={table}>
        <DataTable.Toolbar className="flex flex-col items-start justify-between gap-2 md:flex-row md:items-center" translations={translations.toolbar}>
          <div>
            <Heading>{t("customerSuite.groupPricing.title")}</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              {t("customerSuite.groupPricing.subtitle")}
            </Text>
          </div>
          <div className="flex items-center gap-x-2">
            <DataTable.FilterMenu tooltip={t("customerSuite.common.filter")} />
            <DataTable.Search placeholder={t("customerSuite.common.search")} />
            <Button size="small" variant="secondary" asChild>
              <Link to="create" data-testid="group-pricing-create">
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
              empty: { heading: t("customerSuite.groupPricing.empty.heading"), description: t("customerSuite.groupPricing.empty.description") },
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
  label: "customerSuite.groupPricing.nav",
  translationNs: "translation",
  nested: "/customers",
})

export const handle = {
  breadcrumb: () => <Breadcrumb />,
}

const Breadcrumb = () => {
  const { t } = useTranslation()
  return <>{t("customerSuite.groupPricing.title")}</>
}

export default GroupPricingPage
