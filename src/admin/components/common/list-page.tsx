import {
  Button,
  Container,
  DataTable,
  Text,
  useDataTable,
  type DataTablePaginationState,
  type DataTableRowData,
} from "@medusajs/ui"
import type { ReactNode } from "react"
import { useTranslation } from "react-i18next"
import { Link, useNavigate, useSearchParams } from "react-router-dom"
import { useTableTranslations } from "../../hooks/use-table-translations"
import { messageOf } from "../../lib/api"
import { TitleBlock } from "./query-state"

/**
 * A list page's search, page and filters kept in the URL (`?q=&offset=&…`),
 * so a reload or a shared link shows the same rows. `update` sets keys and
 * drops the blank ones; the page's history entry is replaced, not added.
 */
export const useListUrlState = (pageSize: number) => {
  const [params, setParams] = useSearchParams()
  const q = params.get("q") ?? ""
  const offset = Math.max(0, Number(params.get("offset")) || 0)

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

  return {
    params,
    q,
    offset,
    update,
    /** `useDataTable`'s `search` and `pagination` (a new search or page size starts at the first page). */
    search: { state: q, onSearchChange: (value: string) => update({ q: value, offset: null }) },
    pagination: {
      state: { pageIndex: Math.floor(offset / pageSize), pageSize } satisfies DataTablePaginationState,
      onPaginationChange: (state: DataTablePaginationState) =>
        update({ offset: state.pageIndex ? String(state.pageIndex * state.pageSize) : null }),
    },
  }
}

type TableOptions<T> = Parameters<typeof useDataTable<T>>[0]

/** A table filter kept in the URL: the column it filters, its value now (undefined: not set) and the URL keys a new value sets. */
export type UrlFilter = { id: string; value: unknown; toUrl: (value: unknown) => Record<string, string | null> }

/** A filter kept under one URL key: a value, or (a multiselect's) values joined by commas. */
export const urlFilter = (id: string, param: string, value: string | readonly string[] | undefined): UrlFilter => ({
  id,
  value: typeof value === "string" || value?.length ? value : undefined,
  toUrl: (next) => ({ [param]: Array.isArray(next) ? next.join(",") : typeof next === "string" ? next : null }),
})

/**
 * The list page's table: rows by id, each opening its detail page; search,
 * pages and filters in the URL (`url` from `useListUrlState`; a new filter starts at the first page).
 */
export const useListTable = <T extends DataTableRowData & { id: string }>(
  url: Pick<ReturnType<typeof useListUrlState>, "search" | "pagination" | "update">,
  {
    count,
    urlFilters,
    ...options
  }: Pick<TableOptions<T>, "data" | "columns" | "filters" | "isLoading"> & {
    /** All the rows the filters match (the table's pages). */
    count: number | undefined
    urlFilters: UrlFilter[]
  }
) => {
  const navigate = useNavigate()
  return useDataTable({
    ...options,
    getRowId: (row) => row.id,
    rowCount: count ?? 0,
    search: url.search,
    pagination: url.pagination,
    filtering: {
      state: Object.fromEntries(urlFilters.filter((f) => f.value !== undefined).map((f) => [f.id, f.value])),
      onFilteringChange: (state) => url.update(Object.assign({ offset: null }, ...urlFilters.map((f) => f.toUrl(state[f.id])))),
    },
    onRowClick: (_, row) => navigate(row.id),
  })
}

/** Filter values from the URL, keeping only the allowed ones (a hand-edited URL must not break the page). */
export const listParam = <T extends string>(value: string | null, allowed: readonly T[]): T[] =>
  (value ? value.split(",") : []).filter((v): v is T => (allowed as readonly string[]).includes(v))

/**
 * A list page: title, filters, search and a Create link (or the page's own
 * `actions`; a log has no Create) above the table, the load error in its place, pages below.
 * Its texts are `customerSuite.<texts>.title`, `.subtitle` and `.empty.heading` / `.empty.description`.
 */
export const ListPage = <T extends DataTableRowData>({
  table,
  texts,
  testId,
  createTestId,
  actions,
  searchable = true,
  error,
  busy = false,
}: {
  table: Parameters<typeof DataTable<T>>[0]["instance"]
  texts: "segments" | "groupPricing" | "assistance.log" | "contentBlocks"
  testId: string
  /** The Create link's test id; without it, no Create link. */
  createTestId?: string
  /** Buttons shown where the Create link goes. */
  actions?: ReactNode
  /** false: the list has no text search (no search box). */
  searchable?: boolean
  /** The list query's error, if it failed. */
  error?: unknown
  /** true while the rows shown are the previous query's (a new filter or page is loading). */
  busy?: boolean
}) => {
  const { t } = useTranslation()
  const translations = useTableTranslations()
  return (
    <Container className="divide-y p-0" data-testid={testId} aria-busy={busy}>
      <DataTable instance={table}>
        <DataTable.Toolbar className="flex flex-col items-start justify-between gap-2 md:flex-row md:items-center" translations={translations.toolbar}>
          <TitleBlock title={t(`customerSuite.${texts}.title`)} hint={t(`customerSuite.${texts}.subtitle`)} />
          <div className="flex items-center gap-x-2">
            <DataTable.FilterMenu tooltip={t("customerSuite.common.filter")} />
            {searchable && <DataTable.Search placeholder={t("customerSuite.common.search")} />}
            {actions}
            {createTestId && (
              <Button size="small" variant="secondary" asChild>
                <Link to="create" data-testid={createTestId}>
                  {t("customerSuite.common.create")}
                </Link>
              </Button>
            )}
          </div>
        </DataTable.Toolbar>
        {error ? (
          <div className="px-6 py-8" role="alert">
            <Text size="small" className="text-ui-fg-error">
              {t("customerSuite.common.loadError")} {messageOf(error)}
            </Text>
          </div>
        ) : (
          <DataTable.Table
            emptyState={{
              empty: { heading: t(`customerSuite.${texts}.empty.heading`), description: t(`customerSuite.${texts}.empty.description`) },
              filtered: { heading: t("customerSuite.common.noResults"), description: t("customerSuite.common.noResultsHint") },
            }}
          />
        )}
        <DataTable.Pagination translations={translations.pagination} />
      </DataTable>
    </Container>
  )
}
