import { ArrowDownMini, ArrowUpMini } from "@medusajs/icons"
import { Badge, Checkbox, Table, clx } from "@medusajs/ui"
import type { ReactNode } from "react"
import { useTranslation } from "react-i18next"
import { Link, useNavigate } from "react-router-dom"
import { isSortable, sortField } from "../../lib/customer-grid"
import { formatDateTime, formatMoney } from "../../lib/format"
import type { CustomerGridColumn, CustomerGridRow, CustomerGridSort, CustomerGridSortField } from "../../../types/http/customer-grid"

const Muted = () => <span className="text-ui-fg-muted">—</span>

const names = (items: { id: string; name: string }[]) =>
  items.length ? (
    <span className="flex max-w-[240px] flex-wrap gap-1">
      {items.map((item) => (
        <Badge key={item.id} size="2xsmall">
          {item.name}
        </Badge>
      ))}
    </span>
  ) : (
    <Muted />
  )

/** A cell's content by column (`currency`: the amount spent in the filter's currency, else in each currency). */
export function useCell(currency: string | undefined) {
  const { t } = useTranslation()
  const yesNo = (value: boolean, testId?: string) => (
    <Badge size="2xsmall" color={value ? "green" : "grey"} data-testid={testId}>
      {value ? t("customerSuite.common.yes") : t("customerSuite.common.no")}
    </Badge>
  )
  return (row: CustomerGridRow, column: CustomerGridColumn): ReactNode => {
    switch (column) {
      case "id":
        return <code className="txt-compact-xsmall">{row.id}</code>
      case "email":
        return row.email ? (
          <Link to={`/customers/${row.id}`} className="text-ui-fg-interactive hover:underline" onClick={(e) => e.stopPropagation()} data-testid="customer-grid-row-email">
            {row.email}
          </Link>
        ) : (
          <Muted />
        )
      case "first_name":
      case "last_name":
      case "phone":
      case "company_name":
        return row[column] || <Muted />
      case "has_account":
      case "online":
      case "locked":
        return yesNo(row[column], `customer-grid-row-${column}`)
      case "created_at":
      case "last_order_at":
      case "last_activity_at":
        return row[column] ? formatDateTime(row[column]) : <Muted />
      case "groups":
      case "segments":
      case "audiences":
      case "tax_classes":
        return names(row[column])
      case "countries":
        return row.countries.length ? row.countries.join(", ") : <Muted />
      case "orders_count":
        return row.orders_count.toLocaleString()
      case "amount_spent": {
        const amounts = Object.entries(row.amount_spent).filter(([code]) => !currency || code === currency.toLowerCase())
        return amounts.length ? amounts.map(([code, amount]) => formatMoney(amount, code)).join(", ") : currency ? formatMoney(0, currency) : <Muted />
      }
    }
  }
}

/**
 * The grid's rows: a checkbox per row and one for the page, the chosen
 * columns, headers that sort (amount spent only once a currency is chosen),
 * each row opening Medusa's customer page.
 */
export const GridTable = ({
  rows,
  columns,
  sort,
  currency,
  selected,
  allMatching,
  onSort,
  onToggle,
  onTogglePage,
}: {
  rows: CustomerGridRow[]
  columns: CustomerGridColumn[]
  sort: CustomerGridSort | undefined
  currency: string | undefined
  selected: ReadonlySet<string>
  /** Everything the filter matches is selected. */
  allMatching: boolean
  /** A header clicked: the page turns the sort in force around, or sorts by it. */
  onSort: (field: CustomerGridSortField) => void
  onToggle: (id: string) => void
  onTogglePage: (select: boolean) => void
}) => {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const cell = useCell(currency)
  const sorted = sortField(sort)
  const onPage = rows.filter((r) => allMatching || selected.has(r.id)).length
  const pageState = rows.length > 0 && onPage === rows.length ? true : onPage > 0 ? "indeterminate" : false

  return (
    <div className="overflow-x-auto">
      <Table data-testid="customer-grid-table">
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell className="w-8">
              <Checkbox
                checked={pageState}
                onCheckedChange={(value) => onTogglePage(value === true)}
                aria-label={t("customerSuite.customerGrid.selection.page")}
                data-testid="customer-grid-select-page"
              />
            </Table.HeaderCell>
            {columns.map((column) => {
              const label = t(`customerSuite.customerGrid.columns.${column}`)
              const sortable = isSortable(column) && (column !== "amount_spent" || !!currency)
              const direction = sorted === column ? (sort?.startsWith("-") ? "descending" : "ascending") : undefined
              return (
                <Table.HeaderCell key={column} aria-sort={direction ?? (sortable ? "none" : undefined)} className="whitespace-nowrap">
                  {sortable ? (
                    <button
                      type="button"
                      className="hover:text-ui-fg-base inline-flex items-center gap-x-1"
                      onClick={() => onSort(column)}
                      data-testid={`customer-grid-sort-${column}`}
                      title={t("customerSuite.customerGrid.sortBy", { column: label })}
                    >
                      {label}
                      {direction === "ascending" && <ArrowUpMini />}
                      {direction === "descending" && <ArrowDownMini />}
                    </button>
                  ) : (
                    label
                  )}
                </Table.HeaderCell>
              )
            })}
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {rows.map((row) => {
            const checked = allMatching || selected.has(row.id)
            return (
              <Table.Row
                key={row.id}
                className={clx("cursor-pointer", checked && "bg-ui-bg-highlight")}
                onClick={() => navigate(`/customers/${row.id}`)}
                data-testid="customer-grid-row"
                data-customer-id={row.id}
              >
                <Table.Cell onClick={(e) => e.stopPropagation()}>
                  <Checkbox
                    checked={checked}
                    disabled={allMatching}
                    onCheckedChange={() => onToggle(row.id)}
                    aria-label={t("customerSuite.customerGrid.selection.row", { customer: row.email ?? row.id })}
                    data-testid="customer-grid-select-row"
                  />
                </Table.Cell>
                {columns.map((column) => (
                  <Table.Cell key={column} className="whitespace-nowrap" data-column={column}>
                    {cell(row, column)}
                  </Table.Cell>
                ))}
              </Table.Row>
            )
          })}
        </Table.Body>
      </Table>
    </div>
  )
}
