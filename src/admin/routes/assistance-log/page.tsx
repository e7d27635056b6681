import { defineRouteConfig } from "@medusajs/admin-sdk"
import {
  Button,
  StatusBadge,
  createDataTableColumnHelper,
  createDataTableFilterHelper,
  type DataTableDateComparisonOperator,
} from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useTranslation } from "react-i18next"
import { SessionState } from "../../components/assistance/session-state"
import { ListPage, urlFilter, useListTable, useListUrlState } from "../../components/common/list-page"
import { TextCrumb } from "../../components/common/query-state"
import { toast } from "../../components/common/toast"
import { downloadSessionsCsv, useAssistanceSessions } from "../../hooks/api/assistance"
import { useCustomerEmails } from "../../hooks/api/customers"
import { useAdminOptions } from "../../hooks/api/users"
import { adminName } from "../../lib/assistance"
import { formatDateTime } from "../../lib/format"
import type { AdminAssistanceSessionListItem } from "../../../types/http"
import { SESSION_STATUSES, type SessionFilters } from "../../lib/types/assistance"
import { readableMessage } from "../../lib/field-errors"

const PAGE_SIZE = 20
const column = createDataTableColumnHelper<AdminAssistanceSessionListItem>()
const filter = createDataTableFilterHelper<AdminAssistanceSessionListItem>()
const ID = /^[A-Za-z0-9_-]{1,100}$/
const DAY = 24 * 60 * 60 * 1000

const idParam = (value: string | null) => (value && ID.test(value) ? value : undefined)
const dateParam = (value: string | null) => (value && !Number.isNaN(new Date(value).getTime()) ? value : undefined)

const AssistanceLogPage = () => {
  const { t } = useTranslation()
  const url = useListUrlState(PAGE_SIZE)
  const { params, offset, update } = url
  const status = SESSION_STATUSES.find((s) => s === params.get("status"))
  const filters: SessionFilters = {
    status,
    user_id: idParam(params.get("user_id")),
    customer_id: idParam(params.get("customer_id")),
    created_after: dateParam(params.get("created_after")),
    created_before: dateParam(params.get("created_before")),
  }
  const { data, isPending, error } = useAssistanceSessions({ ...filters, offset, limit: PAGE_SIZE })
  const sessions = data?.assistance_sessions ?? []
  const customerIds = useMemo(() => [...new Set(sessions.map((s) => s.customer_id))], [sessions])
  const emails = useCustomerEmails(customerIds)
  const admins = useAdminOptions()
  const [exporting, setExporting] = useState(false)

  const columns = useMemo(
    () => [
      column.accessor("user", {
        header: t("customerSuite.assistance.fields.admin"),
        cell: ({ getValue }) => adminName(getValue()) ?? <span className="text-ui-fg-muted">{t("customerSuite.assistance.deletedAdmin")}</span>,
      }),
      column.accessor("customer_id", {
        header: t("customerSuite.assistance.fields.customer"),
        cell: ({ getValue }) => <span data-testid="assistance-row-customer">{emails.data?.[getValue()] ?? (emails.isPending ? "…" : getValue())}</span>,
      }),
      column.accessor("reason", {
        header: t("customerSuite.assistance.fields.reason"),
        cell: ({ getValue }) => <span className="block max-w-[240px] truncate">{getValue() || "—"}</span>,
      }),
      column.accessor("created_at", {
        header: t("customerSuite.assistance.fields.started"),
        cell: ({ getValue }) => formatDateTime(getValue()),
      }),
      column.accessor("ended_at", {
        header: t("customerSuite.assistance.fields.ended"),
        cell: ({ getValue }) => formatDateTime(getValue()),
      }),
      column.accessor("status", {
        header: t("customerSuite.assistance.fields.outcome"),
        cell: ({ row }) => <SessionState session={row.original} />,
      }),
      column.accessor("actions_count", {
        header: t("customerSuite.assistance.fields.actions"),
        cell: ({ getValue }) => <span data-testid="assistance-row-actions">{getValue() ?? 0}</span>,
      }),
    ],
    [t, emails.data, emails.isPending]
  )

  const dateOptions = useMemo(() => {
    const today = new Date(new Date().setHours(0, 0, 0, 0)).getTime()
    return [
      { label: t("customerSuite.assistance.filters.today"), value: { $gte: new Date(today).toISOString() } },
      { label: t("customerSuite.assistance.filters.last7"), value: { $gte: new Date(today - 6 * DAY).toISOString() } },
      { label: t("customerSuite.assistance.filters.last30"), value: { $gte: new Date(today - 29 * DAY).toISOString() } },
    ]
  }, [t])

  const tableFilters = useMemo(
    () => [
      filter.accessor("status", {
        type: "radio",
        label: t("customerSuite.assistance.fields.status"),
        options: SESSION_STATUSES.map((v) => ({ label: t(`customerSuite.assistance.status.${v}`), value: v })),
      }),
      filter.accessor("user_id", {
        type: "radio",
        label: t("customerSuite.assistance.fields.admin"),
        options: admins.data ?? [],
      }),
      filter.accessor("created_at", {
        type: "date",
        label: t("customerSuite.assistance.fields.started"),
        format: "date",
        options: dateOptions,
      }),
    ],
    [t, admins.data, dateOptions]
  )

  const table = useListTable(url, {
    data: sessions,
    count: data?.count,
    columns,
    filters: tableFilters,
    isLoading: isPending,
    urlFilters: [
      urlFilter("status", "status", status),
      urlFilter("user_id", "user_id", filters.user_id),
      {
        id: "created_at",
        value:
          filters.created_after || filters.created_before
            ? { ...(filters.created_after ? { $gte: filters.created_after } : {}), ...(filters.created_before ? { $lte: filters.created_before } : {}) }
            : undefined,
        toUrl: (value) => {
          const range = value as DataTableDateComparisonOperator | undefined
          return { created_after: range?.$gte ?? range?.$gt ?? null, created_before: range?.$lte ?? range?.$lt ?? null }
        },
      },
    ],
  })

  const onExport = async () => {
    setExporting(true)
    try {
      await downloadSessionsCsv(filters)
    } catch (e) {
      toast.error(t("customerSuite.assistance.log.exportFailed"), { description: readableMessage(e) })
    } finally {
      setExporting(false)
    }
  }

  const customerFilter = filters.customer_id
  return (
    <div className="flex flex-col gap-y-3">
      {customerFilter && (
        <div className="flex items-center gap-x-2" data-testid="assistance-log-customer-filter">
          <StatusBadge color="blue">{t("customerSuite.assistance.log.forCustomer", { customer: emails.data?.[customerFilter] ?? customerFilter })}</StatusBadge>
          <Button size="small" variant="transparent" onClick={() => update({ customer_id: null, offset: null })}>
            {t("customerSuite.common.clearAll")}
          </Button>
        </div>
      )}
      <ListPage
        table={table}
        testId="assistance-log"
        searchable={false}
        actions={
          <Button size="small" variant="secondary" onClick={onExport} isLoading={exporting} data-testid="assistance-log-export">
            {t("customerSuite.assistance.log.export")}
          </Button>
        }
        texts="assistance.log"
        error={error}
      />
    </div>
  )
}

export const config = defineRouteConfig({
  label: "customerSuite.assistance.log.nav",
  translationNs: "translation",
  nested: "/customers",
})

export const handle = {
  breadcrumb: () => <TextCrumb k="customerSuite.assistance.log.title" />,
}

export default AssistanceLogPage
