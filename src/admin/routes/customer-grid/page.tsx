import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Funnel } from "@medusajs/icons"
import { Badge, Button, Container, Skeleton, Text } from "@medusajs/ui"
import { useEffect, useMemo, useRef, useState } from "react"
import { useTranslation } from "react-i18next"
import { useSearchParams } from "react-router-dom"
import { BulkActionsMenu } from "../../components/customer-grid/bulk-actions"
import { BulkProgress } from "../../components/customer-grid/bulk-progress"
import { ColumnChooser } from "../../components/customer-grid/column-chooser"
import { ExportMenu, type ExportScope } from "../../components/customer-grid/export-menu"
import { GridFilters, GridSearch } from "../../components/customer-grid/filters"
import { GridTable } from "../../components/customer-grid/grid-table"
import { ViewsMenu } from "../../components/customer-grid/views-menu"
import { TextCrumb, TitleBlock } from "../../components/common/query-state"
import { useCustomerGrid, useGridViews } from "../../hooks/api/customer-grid"
import { messageOf } from "../../lib/api"
import {
  DEFAULT_COLUMNS,
  PAGE_KEYS,
  columnsFromParams,
  countFilters,
  exportQuery,
  filterEntries,
  filtersFromParams,
  gridQuery,
  nextSort,
  sortFromParams,
  stateToParams,
} from "../../lib/customer-grid"
import type { BulkActionSelection, CustomerGridColumn, CustomerGridFilters, CustomerGridSort, CustomerGridView } from "../../../types/http/customer-grid"

const PAGE_SIZE = 50

type GridState = { filters: CustomerGridFilters; columns: CustomerGridColumn[]; sort: CustomerGridSort | null; view: string | null }
const urlState = (params: URLSearchParams): GridState => ({
  filters: filtersFromParams(params),
  columns: columnsFromParams(params),
  sort: sortFromParams(params) ?? null,
  view: params.get(PAGE_KEYS.view),
})

/** State that belongs to one filter and sort (the page's cursors, the selection): a new filter or sort starts afresh. */
const useKeyedState = <T,>(key: string, initial: () => T) => {
  const [state, setState] = useState(() => ({ key, value: initial() }))
  const value = state.key === key ? state.value : initial()
  const set = (next: T | ((previous: T) => T)) =>
    setState((s) => ({ key, value: typeof next === "function" ? (next as (previous: T) => T)(s.key === key ? s.value : initial()) : next }))
  return [value, set] as const
}

/**
 * The customers grid: every customer with what the suite knows of them,
 * filtered, sorted and paged by keyset (Next / Previous over a stack of
 * cursors), with saved views, bulk actions on the selection or on
 * everything the filter matches, and a streamed CSV export. The filters, the
 * sort, the columns and the chosen view are the URL; a reload keeps them. On
 * a first visit (no URL) the user's default view applies.
 */
const CustomerGridPage = () => {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const search = params.toString()
  const filters = useMemo(() => filtersFromParams(new URLSearchParams(search)), [search])
  const sort = sortFromParams(params)
  const columns = useMemo(() => columnsFromParams(new URLSearchParams(search)), [search])
  const viewId = params.get(PAGE_KEYS.view)
  const currency = filters.amount_spent?.currency

  // The rows' identity: filters and sort (not the columns nor the view).
  const rowsKey = JSON.stringify([filterEntries(params), sort ?? null])
  const [cursors, setCursors] = useKeyedState<(string | null)[]>(rowsKey, () => [null])
  const [selection, setSelection] = useKeyedState<{ ids: ReadonlySet<string>; all: boolean }>(rowsKey, () => ({ ids: new Set(), all: false }))
  const [filtersOpen, setFiltersOpen] = useState(() => countFilters(filters) > 0)

  const query = gridQuery(params, { limit: PAGE_SIZE, cursor: cursors[cursors.length - 1] })
  const grid = useCustomerGrid(query)
  const rows = grid.data?.customers ?? []

  /**
   * Changes the URL from the state it holds now, not from this render's copy:
   * the router renders a new URL as a transition, so a second click can come
   * before the page has re-rendered from the first.
   */
  const write = (patch: Partial<GridState> | ((current: GridState) => Partial<GridState>)) => {
    const current = urlState(new URLSearchParams(window.location.search))
    setParams(stateToParams({ ...current, ...(typeof patch === "function" ? patch(current) : patch) }), { replace: true })
  }
  const applyView = (view: CustomerGridView | null) => {
    if (!view) {
      setParams(new URLSearchParams(), { replace: true })
      return
    }
    write({ filters: view.filters, columns: view.columns.length ? view.columns : DEFAULT_COLUMNS, sort: view.sort, view: view.id })
    setFiltersOpen(countFilters(view.filters) > 0)
  }

  // A first visit with nothing in the URL opens the user's default view.
  const views = useGridViews()
  const openedBare = useRef(search === "")
  const defaultChecked = useRef(false)
  useEffect(() => {
    if (defaultChecked.current || !views.data) {
      return
    }
    defaultChecked.current = true
    const chosen = views.data.views.find((v) => v.id === views.data.default_view_id)
    if (openedBare.current && chosen && window.location.search === "") {
      applyView(chosen)
    }
    // Once, when the views first arrive.
  })

  // The API counts on the first page only: later pages keep the count of their filter's first page.
  const counts = useRef(new Map<string, { count: number; estimate: boolean }>())
  if (grid.data && grid.data.count !== null && !grid.isPlaceholderData) {
    counts.current.set(rowsKey, { count: grid.data.count, estimate: grid.data.count_is_estimate })
  }
  const counted = counts.current.get(rowsKey)
  const count = counted?.count ?? null
  const estimate = counted?.estimate ?? false
  const countText = (n: number, about: boolean) =>
    about
      ? t("customerSuite.customerGrid.countEstimate", { count: n, formatted: n.toLocaleString() })
      : t("customerSuite.customerGrid.countExact", { count: n, formatted: n.toLocaleString() })

  const bulkSelection: BulkActionSelection | null = selection.all
    ? { kind: "filters", filters }
    : selection.ids.size
      ? { kind: "ids", ids: [...selection.ids] }
      : null
  const selectedCount = selection.all ? (count ?? 0) : selection.ids.size
  const pageAllSelected = rows.length > 0 && rows.every((r) => selection.ids.has(r.id))

  const toggle = (id: string) =>
    setSelection((s) => {
      const ids = new Set(s.ids)
      if (ids.has(id)) {
        ids.delete(id)
      } else {
        ids.add(id)
      }
      return { ids, all: false }
    })
  const togglePage = (select: boolean) =>
    setSelection((s) => {
      if (!select) {
        const ids = new Set(s.ids)
        rows.forEach((r) => ids.delete(r.id))
        return { ids, all: false }
      }
      return { ids: new Set([...s.ids, ...rows.map((r) => r.id)]), all: false }
    })

  const queryFor = (scope: ExportScope) => {
    if (scope === "selected" && !selection.all) {
      return { query: exportQuery(params, columns, [...selection.ids]), expected: selection.ids.size }
    }
    if (scope === "all") {
      return { query: exportQuery(new URLSearchParams(), columns, null), expected: filterEntries(params).length ? null : count }
    }
    return { query: exportQuery(params, columns, null), expected: count }
  }

  const filterCount = countFilters(filters)
  return (
    <div className="flex flex-col gap-y-3">
      <BulkProgress />
      <Container className="divide-y p-0" data-testid="customer-grid" aria-busy={grid.isPlaceholderData || grid.isPending}>
        <div className="flex flex-col items-start justify-between gap-2 px-6 py-4 md:flex-row md:items-center">
          <TitleBlock
            title={t("customerSuite.customerGrid.title")}
            hint={count === null ? t("customerSuite.customerGrid.subtitle") : countText(count, estimate)}
          />
          <div className="flex flex-wrap items-center gap-2">
            <ViewsMenu activeId={viewId} state={{ filters, columns, sort: sort ?? null }} onApply={applyView} />
            <ColumnChooser columns={columns} onChange={(update) => write((current) => ({ columns: update(current.columns) }))} />
            <ExportMenu queryFor={queryFor} selectedCount={selection.all ? 0 : selection.ids.size} filteredCount={count} filtered={filterEntries(params).length > 0} />
          </div>
        </div>
        <div className="flex flex-wrap items-center gap-2 px-6 py-3">
          <GridSearch value={filters.q ?? ""} onChange={(q) => write((current) => ({ filters: { ...current.filters, q: q || undefined } }))} />
          <Button size="small" variant="secondary" onClick={() => setFiltersOpen((o) => !o)} aria-expanded={filtersOpen} data-testid="customer-grid-filters-toggle">
            <Funnel />
            {t("customerSuite.common.filter")}
            {filterCount > 0 && <Badge size="2xsmall">{filterCount}</Badge>}
          </Button>
          {(filterCount > 0 || filters.q) && (
            <Button size="small" variant="transparent" onClick={() => write({ filters: {} })} data-testid="customer-grid-filters-clear">
              {t("customerSuite.common.clearAll")}
            </Button>
          )}
          <span className="flex-1" />
          {selectedCount > 0 && (
            <Text size="small" className="text-ui-fg-subtle" data-testid="customer-grid-selected">
              {t("customerSuite.customerGrid.selection.selected", { count: selectedCount, formatted: selectedCount.toLocaleString() })}
            </Text>
          )}
          <BulkActionsMenu
            selection={bulkSelection}
            filterQuery={new URLSearchParams(filterEntries(params)).toString()}
            count={selectedCount}
            estimate={selection.all && estimate}
            onStarted={() => setSelection({ ids: new Set(), all: false })}
          />
        </div>
        {filtersOpen && <GridFilters filters={filters} onChange={(update) => write((current) => ({ filters: update(current.filters) }))} />}
        {(pageAllSelected || selection.all) && count !== null && count > rows.length && (
          <div className="bg-ui-bg-subtle flex flex-wrap items-center gap-x-2 px-6 py-2" data-testid="customer-grid-select-all-banner">
            <Text size="small">
              {selection.all
                ? t("customerSuite.customerGrid.selection.allMatching", { customers: countText(count, estimate) })
                : t("customerSuite.customerGrid.selection.pageSelected", { count: rows.length })}
            </Text>
            {selection.all ? (
              <Button size="small" variant="transparent" onClick={() => setSelection({ ids: new Set(), all: false })} data-testid="customer-grid-clear-selection">
                {t("customerSuite.customerGrid.selection.clear")}
              </Button>
            ) : (
              <Button size="small" variant="transparent" onClick={() => setSelection({ ids: new Set(), all: true })} data-testid="customer-grid-select-all">
                {t("customerSuite.customerGrid.selection.selectAll", { customers: countText(count, estimate) })}
              </Button>
            )}
          </div>
        )}
        {grid.error ? (
          <div className="px-6 py-8" role="alert" data-testid="customer-grid-error">
            <Text size="small" className="text-ui-fg-error">
              {t("customerSuite.customerGrid.refused")} {messageOf(grid.error)}
            </Text>
          </div>
        ) : grid.isPending ? (
          <div className="px-6 py-4">
            <Skeleton className="h-64 w-full" />
          </div>
        ) : rows.length === 0 ? (
          <div className="flex flex-col items-center gap-y-1 px-6 py-10" data-testid="customer-grid-empty">
            <Text size="small" weight="plus">
              {t("customerSuite.common.noResults")}
            </Text>
            <Text size="small" className="text-ui-fg-subtle">
              {t("customerSuite.common.noResultsHint")}
            </Text>
          </div>
        ) : (
          <GridTable
            rows={rows}
            columns={columns}
            sort={sort}
            currency={currency}
            selected={selection.ids}
            allMatching={selection.all}
            onSort={(field) => write((current) => ({ sort: nextSort(current.sort ?? undefined, field) }))}
            onToggle={toggle}
            onTogglePage={togglePage}
          />
        )}
        <div className="flex items-center justify-end gap-x-2 px-6 py-3">
          <Text size="small" className="text-ui-fg-subtle" data-testid="customer-grid-page">
            {t("customerSuite.customerGrid.page", { page: cursors.length })}
          </Text>
          <Button
            size="small"
            variant="secondary"
            disabled={cursors.length <= 1}
            onClick={() => setCursors((stack) => stack.slice(0, -1))}
            data-testid="customer-grid-previous"
          >
            {t("customerSuite.customerGrid.previous")}
          </Button>
          <Button
            size="small"
            variant="secondary"
            disabled={!grid.data?.next_cursor || grid.isPlaceholderData}
            onClick={() => {
              const next = grid.data?.next_cursor
              if (next) {
                setCursors((stack) => [...stack, next])
              }
            }}
            data-testid="customer-grid-next"
          >
            {t("customerSuite.customerGrid.next")}
          </Button>
        </div>
      </Container>
    </div>
  )
}

export const config = defineRouteConfig({
  label: "customerSuite.customerGrid.nav",
  translationNs: "translation",
  nested: "/customers",
})

export const handle = {
  breadcrumb: () => <TextCrumb k="customerSuite.customerGrid.title" />,
}

export default CustomerGridPage
