import { defineRouteConfig } from "@medusajs/admin-sdk"
import { StatusBadge, createDataTableColumnHelper, createDataTableFilterHelper } from "@medusajs/ui"
import { useMemo } from "react"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { ListPage, urlFilter, useListTable, useListUrlState } from "../../components/common/list-page"
import { TextCrumb } from "../../components/common/query-state"
import { useRuleWords } from "../../components/group-pricing/words"
import { useCustomerGroupOptions } from "../../hooks/api/customer-groups"
import { useGroupPriceRules } from "../../hooks/api/group-pricing"
import { usePickerLabels } from "../../hooks/api/pickers"
import { formatDateTime } from "../../lib/format"
import type { AdminGroupPriceRule } from "../../../types/http"
import { RULE_STATUSES } from "../../lib/types/group-pricing"

const PAGE_SIZE = 20
const column = createDataTableColumnHelper<AdminGroupPriceRule>()
const filter = createDataTableFilterHelper<AdminGroupPriceRule>()

const GroupPricingPage = () => {
  const { t } = useTranslation()
  const words = useRuleWords()
  const url = useListUrlState(PAGE_SIZE)
  const { params, q, offset } = url
  // A hand-edited URL must not break the page: unknown values are dropped.
  const statusParam = params.get("status")
  const status = RULE_STATUSES.find((s) => s === statusParam)
  const group = /^[A-Za-z0-9_-]{1,100}$/.test(params.get("group") ?? "") ? params.get("group")! : undefined

  const { data, isPending, error } = useGroupPriceRules({
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

  const table = useListTable(url, {
    data: rules,
    count: data?.count,
    columns,
    filters,
    isLoading: isPending,
    urlFilters: [urlFilter("customer_group_id", "group", group), urlFilter("status", "status", status)],
  })

  return (
    <ListPage table={table} texts="groupPricing" testId="group-pricing-list" createTestId="group-pricing-create" error={error} />
  )
}

export const config = defineRouteConfig({
  label: "customerSuite.groupPricing.nav",
  translationNs: "translation",
  nested: "/customers",
})

export const handle = {
  breadcrumb: () => <TextCrumb k="customerSuite.groupPricing.title" />,
}

export default GroupPricingPage
