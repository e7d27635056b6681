import { PlusMini, XMarkMini } from "@medusajs/icons"
import { Badge, Button, Container, Table, Text } from "@medusajs/ui"
import { useEffect, useMemo, useState } from "react"
import { useTranslation } from "react-i18next"
import { RATE_PAGE, useDeleteTaxClassRate, useTaxClassRates } from "../../hooks/api/tax-classes"
import { useTableTranslations } from "../../hooks/use-table-translations"
import { messageOf } from "../../lib/api"
import { countryLabel } from "../../lib/countries"
import type { AdminTaxClass, AdminTaxClassRate } from "../../../types/http"
import type { TaxClassRateFilters } from "../../lib/types/tax-classes"
import { useListUrlState } from "../common/list-page"
import { OptionSelect, namedOptions } from "../common/option-select"
import { TitleBlock } from "../common/query-state"
import { RowActions, TableHead, useConfirmedWrite } from "../common/table-parts"
import { CountryPicker } from "./country-picker"
import { RateDrawer } from "./rate-drawer"

const ALL = "__all__"
const ID = /^[A-Za-z0-9_-]{1,100}$/
const COUNTRY = /^[a-z]{2}$/

/** Filters and the page from the URL, keeping only well-formed values (a hand-edited URL must not break the page). */
const readFilters = (params: URLSearchParams): { filters: TaxClassRateFilters; offset: number } => {
  const id = (key: string) => {
    const value = params.get(key)
    return value && ID.test(value) ? value : undefined
  }
  const country = params.get("country")?.toLowerCase()
  const offset = Number(params.get("offset"))
  return {
    filters: {
      customer_class_id: id("customer_class"),
      product_class_id: id("product_class"),
      country_code: country && COUNTRY.test(country) ? country : undefined,
    },
    offset: Number.isInteger(offset) && offset > 0 ? offset : 0,
  }
}

export const formatRate = (rate: number, language: string) =>
  new Intl.NumberFormat(language, { style: "percent", maximumFractionDigits: 4 }).format(rate / 100)

/**
 * The rate matrix: for a customer class × product class × country (or
 * province), a rate or exempt. Filters live in the URL; rows are added and
 * edited in a drawer.
 */
export const RateMatrix = ({
  customerClasses,
  productClasses,
}: {
  customerClasses: AdminTaxClass[]
  productClasses: AdminTaxClass[]
}) => {
  const { t, i18n } = useTranslation()
  const language = i18n.language || "en"
  const confirmedWrite = useConfirmedWrite()
  const translations = useTableTranslations()
  const { params, update: setUrl } = useListUrlState(RATE_PAGE)
  const { filters, offset } = readFilters(params)
  const { data, isPending, isError, error } = useTaxClassRates(filters, offset)
  const remove = useDeleteTaxClassRate()
  const [drawer, setDrawer] = useState<{ open: boolean; row?: AdminTaxClassRate }>({ open: false })

  const names = useMemo(
    () => new Map([...customerClasses, ...productClasses].map((c) => [c.id, c.name] as const)),
    [customerClasses, productClasses]
  )
  const canAdd = customerClasses.length > 0 && productClasses.length > 0
  const filtered = !!(filters.customer_class_id || filters.product_class_id || filters.country_code)

  // A filter change starts at the first page.
  const update = (patch: Record<string, string | null>) => setUrl({ ...patch, offset: patch.offset ?? null })

  const onDelete = (row: AdminTaxClassRate) =>
    confirmedWrite({
      title: t("customerSuite.taxClasses.matrix.deleteTitle"),
      description: t("customerSuite.taxClasses.matrix.deleteDescription", {
        customer: names.get(row.customer_class_id) ?? row.customer_class_id,
        product: names.get(row.product_class_id) ?? row.product_class_id,
        place: row.province_code ? row.province_code.toUpperCase() : countryLabel(row.country_code, language),
      }),
      write: () => remove.mutateAsync(row.id),
      done: t("customerSuite.taxClasses.matrix.deleted"),
      failed: t("customerSuite.taxClasses.matrix.deleteFailed"),
    })

  const classFilter = (key: "customer_class" | "product_class", value: string | undefined, options: AdminTaxClass[], all: string) => (
    <OptionSelect
      size="small"
      className="w-48"
      label={all}
      testId={`tax-matrix-filter-${key}`}
      value={value ?? ALL}
      onValueChange={(v) => update({ [key]: v === ALL ? null : v })}
      options={[{ value: ALL, label: all }, ...namedOptions(options)]}
    />
  )

  const rows = data?.tax_class_rates ?? []
  const count = data?.count ?? 0
  // The last row of the last page deleted (or a hand-edited offset): back to the last page there is.
  const beyond = !!data && offset > 0 && offset >= count
  useEffect(() => {
    if (beyond) {
      const last = count > 0 ? Math.floor((count - 1) / RATE_PAGE) * RATE_PAGE : 0
      update({ offset: last > 0 ? String(last) : null })
    }
  }, [beyond])
  const pageCount = Math.max(1, Math.ceil(count / RATE_PAGE))
  const pageIndex = Math.floor(offset / RATE_PAGE)

  return (
    <Container className="divide-y p-0" data-testid="tax-matrix">
      <div className="flex flex-col gap-y-3 px-6 py-4">
        <div className="flex items-start justify-between gap-x-4">
          <TitleBlock level="h2" title={t("customerSuite.taxClasses.matrix.title")} hint={t("customerSuite.taxClasses.matrix.subtitle")} />
          <Button size="small" variant="secondary" disabled={!canAdd} onClick={() => setDrawer({ open: true })} data-testid="tax-matrix-add">
            <PlusMini />
            {t("customerSuite.taxClasses.matrix.add")}
          </Button>
        </div>
        {!canAdd && (
          <Text size="small" className="text-ui-fg-muted">
            {t("customerSuite.taxClasses.matrix.needClasses")}
          </Text>
        )}
        <div className="flex flex-wrap items-center gap-2" role="group" aria-label={t("customerSuite.common.filter")}>
          {classFilter("customer_class", filters.customer_class_id, customerClasses, t("customerSuite.taxClasses.matrix.allCustomerClasses"))}
          {classFilter("product_class", filters.product_class_id, productClasses, t("customerSuite.taxClasses.matrix.allProductClasses"))}
          <div className="w-48">
            <CountryPicker
              value={filters.country_code ?? null}
              onChange={(code) => update({ country: code })}
              placeholder={t("customerSuite.taxClasses.matrix.allCountries")}
              testId="tax-matrix-filter-country"
            />
          </div>
          {filtered && (
            <Button size="small" variant="transparent" onClick={() => update({ customer_class: null, product_class: null, country: null })}>
              <XMarkMini />
              {t("customerSuite.common.clearAll")}
            </Button>
          )}
        </div>
      </div>
      {isError ? (
        <Text size="small" className="text-ui-fg-error px-6 py-4" role="alert">
          {t("customerSuite.common.loadError")} {messageOf(error)}
        </Text>
      ) : isPending ? (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4" aria-busy="true">
          {t("customerSuite.common.loading")}
        </Text>
      ) : rows.length === 0 ? (
        <div className="px-6 py-6">
          <Text size="small" weight="plus">
            {filtered ? t("customerSuite.common.noResults") : t("customerSuite.taxClasses.matrix.empty")}
          </Text>
          <Text size="small" className="text-ui-fg-subtle">
            {filtered ? t("customerSuite.common.noResultsHint") : t("customerSuite.taxClasses.matrix.emptyHint")}
          </Text>
        </div>
      ) : (
        <>
          <Table>
            <TableHead
              labels={(["customerClass", "productClass", "country", "province", "rate", "code", "name"] as const).map((field) =>
                t(`customerSuite.taxClasses.matrix.fields.${field}`)
              )}
            />
            <Table.Body>
              {rows.map((row) => (
                <Table.Row key={row.id} data-testid="tax-matrix-row" data-rate-id={row.id}>
                  <Table.Cell>{names.get(row.customer_class_id) ?? row.customer_class_id}</Table.Cell>
                  <Table.Cell>{names.get(row.product_class_id) ?? row.product_class_id}</Table.Cell>
                  <Table.Cell>{countryLabel(row.country_code, language)}</Table.Cell>
                  <Table.Cell className="font-mono">{row.province_code ? row.province_code.toUpperCase() : "—"}</Table.Cell>
                  <Table.Cell data-testid="tax-matrix-rate">
                    {row.is_exempt ? (
                      <Badge size="2xsmall" color="green">
                        {t("customerSuite.taxClasses.matrix.exempt")}
                      </Badge>
                    ) : row.rate === null ? (
                      "—"
                    ) : (
                      formatRate(row.rate, language)
                    )}
                  </Table.Cell>
                  <Table.Cell className="font-mono">{row.code || "—"}</Table.Cell>
                  <Table.Cell>{row.name || "—"}</Table.Cell>
                  <RowActions
                    editLabel={t("customerSuite.taxClasses.matrix.editRow")}
                    deleteLabel={t("customerSuite.taxClasses.matrix.deleteRow")}
                    onEdit={() => setDrawer({ open: true, row })}
                    onDelete={() => onDelete(row)}
                  />
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          {count > RATE_PAGE && (
            <Table.Pagination
              count={count}
              pageSize={RATE_PAGE}
              pageIndex={pageIndex}
              pageCount={pageCount}
              canPreviousPage={pageIndex > 0}
              canNextPage={pageIndex + 1 < pageCount}
              previousPage={() => update({ offset: pageIndex > 1 ? String((pageIndex - 1) * RATE_PAGE) : null })}
              nextPage={() => update({ offset: String((pageIndex + 1) * RATE_PAGE) })}
              translations={translations.pagination}
            />
          )}
        </>
      )}
      <RateDrawer
        row={drawer.row}
        customerClasses={customerClasses}
        productClasses={productClasses}
        open={drawer.open}
        onOpenChange={(open) => setDrawer((prev) => ({ ...prev, open }))}
      />
    </Container>
  )
}
