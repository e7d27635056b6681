import { Button, Input, Label, Text } from "@medusajs/ui"
import { useEffect, useRef, useState, type ReactNode } from "react"
import { useTranslation } from "react-i18next"
import { useStoreCurrencies } from "../../hooks/api/store"
import { classesOfType, useTaxClasses } from "../../hooks/api/tax-classes"
import { useDebounced } from "../../hooks/use-debounced"
import { BOOLEAN_FILTERS, DATE_FILTERS, dateBound, dateInputValue, type BooleanFilter, type DateFilter } from "../../lib/customer-grid"
import type { CustomerGridFilters, NumberRange } from "../../../types/http/customer-grid"
import { CheckedOption, Listbox } from "../common/listbox"
import { OptionSelect } from "../common/option-select"
import { SearchPopover } from "../common/search-box"
import { RemovableBadge, ValuePickerInput } from "../common/value-picker-input"

const ANY = "any"
const SEARCH_DEBOUNCE_MS = 300

/** The grid's text search: applied once typing pauses; follows the URL when a view changes it. */
export const GridSearch = ({ value, onChange }: { value: string; onChange: (value: string) => void }) => {
  const { t } = useTranslation()
  const [text, setText] = useState(value)
  const debounced = useDebounced(text, SEARCH_DEBOUNCE_MS)
  const committed = useRef(value)
  const apply = useRef(onChange)
  apply.current = onChange
  useEffect(() => {
    if (value !== committed.current) {
      committed.current = value
      setText(value)
    }
  }, [value])
  useEffect(() => {
    if (debounced !== committed.current) {
      committed.current = debounced
      apply.current(debounced)
    }
  }, [debounced])
  return (
    <Input
      type="search"
      size="small"
      className="w-[260px]"
      value={text}
      onChange={(e) => setText(e.target.value)}
      placeholder={t("customerSuite.customerGrid.searchPlaceholder")}
      aria-label={t("customerSuite.common.search")}
      data-testid="customer-grid-search"
    />
  )
}

/** A text or number input that applies its value on Enter or when it loses focus (and follows outside changes). */
const CommitInput = ({
  value,
  onCommit,
  ...input
}: { value: string; onCommit: (value: string) => void } & Omit<Parameters<typeof Input>[0], "value" | "onChange" | "onBlur" | "onKeyDown">) => {
  const [text, setText] = useState(value)
  useEffect(() => setText(value), [value])
  const commit = () => {
    if (text !== value) {
      onCommit(text)
    }
  }
  return (
    <Input
      {...input}
      size="small"
      value={text}
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === "Enter") {
          commit()
        }
      }}
    />
  )
}

/** One filter: its label above its control. */
const Field = ({ label, htmlFor, children, testId }: { label: string; htmlFor?: string; children: ReactNode; testId?: string }) => (
  <div className="flex min-w-0 flex-col gap-y-1" data-testid={testId}>
    <Label size="xsmall" weight="plus" htmlFor={htmlFor} className="text-ui-fg-subtle">
      {label}
    </Label>
    {children}
  </div>
)

/** The store's customer tax classes, several chosen (a handful in a store: listed whole, searched here). */
const TaxClassPicker = ({ value, onChange }: { value: string[]; onChange: (value: string[]) => void }) => {
  const { t } = useTranslation()
  const classes = useTaxClasses()
  const [open, setOpen] = useState(false)
  const [search, setSearch] = useState("")
  const options = classesOfType(classes.data, "customer")
  const shown = options.filter((c) => `${c.name} ${c.code}`.toLowerCase().includes(search.trim().toLowerCase()))
  const name = (id: string) => options.find((c) => c.id === id)?.name ?? id
  const state = classes.isPending ? "loading" : classes.isError ? "error" : shown.length ? "ready" : "empty"
  return (
    <div className="flex min-w-0 flex-wrap items-center gap-1" data-testid="customer-grid-filter-tax_class_id">
      {value.map((id) => (
        <RemovableBadge key={id} label={name(id)} onRemove={() => onChange(value.filter((v) => v !== id))} />
      ))}
      <SearchPopover
        open={open}
        onOpenChange={setOpen}
        value={search}
        onChange={setSearch}
        label={t("customerSuite.customerGrid.filters.searchTaxClasses")}
        testId="customer-grid-filter-tax_class_id-search"
        trigger={
          <Button type="button" size="small" variant="secondary" data-testid="customer-grid-filter-tax_class_id-open">
            {t("customerSuite.customerGrid.filters.chooseTaxClasses")}
          </Button>
        }
      >
        <Listbox state={state} multiselectable>
          {shown.map((c) => (
            <CheckedOption
              key={c.id}
              selected={value.includes(c.id)}
              label={c.name}
              hint={c.code}
              onChoose={() => onChange(value.includes(c.id) ? value.filter((v) => v !== c.id) : [...value, c.id])}
            />
          ))}
        </Listbox>
      </SearchPopover>
    </div>
  )
}

/** Two inputs for a range's ends ("from", "to"), dates or numbers. */
const RangeInputs = ({
  name,
  type,
  gte,
  lte,
  onChange,
}: {
  name: string
  type: "date" | "number"
  gte: string
  lte: string
  onChange: (bound: "gte" | "lte", value: string) => void
}) => {
  const { t } = useTranslation()
  const input = (bound: "gte" | "lte", value: string) => {
    const label = t(`customerSuite.customerGrid.filters.${bound}`)
    const testId = `customer-grid-filter-${name}-${bound}`
    return type === "date" ? (
      <Input type="date" size="small" value={value} onChange={(e) => onChange(bound, e.target.value)} aria-label={label} data-testid={testId} />
    ) : (
      <CommitInput type="number" min={0} value={value} onCommit={(v) => onChange(bound, v)} aria-label={label} placeholder={label} data-testid={testId} />
    )
  }
  return (
    <div className="grid grid-cols-2 gap-x-2">
      {input("gte", gte)}
      {input("lte", lte)}
    </div>
  )
}

const toNumber = (value: string) => (value.trim() === "" || !Number.isFinite(Number(value)) ? undefined : Number(value))
const withBound = <T extends NumberRange>(range: T, bound: "gte" | "lte", value: number | undefined): T => {
  const next = { ...range }
  if (value === undefined) {
    delete next[bound]
  } else {
    next[bound] = value
  }
  return next
}

/** A filter's new value, or how to get it from its value now. */
type Change<V> = V | undefined | ((current: V | undefined) => V | undefined)

/**
 * Every filter of the grid but the search: groups, segments, audiences, tax
 * classes, countries, yes/no facts, date ranges, orders and amount spent.
 * A change is given as a function of the filters in force when it applies
 * (the URL's, which may be newer than this render's).
 */
export const GridFilters = ({
  filters,
  onChange,
}: {
  filters: CustomerGridFilters
  onChange: (update: (current: CustomerGridFilters) => CustomerGridFilters) => void
}) => {
  const { t } = useTranslation()
  const currencies = useStoreCurrencies()
  const set = <K extends keyof CustomerGridFilters>(key: K, change: Change<CustomerGridFilters[K]>) =>
    onChange((current) => {
      const value = typeof change === "function" ? (change as (c: CustomerGridFilters[K] | undefined) => CustomerGridFilters[K] | undefined)(current[key]) : change
      const next = { ...current }
      if (value === undefined || (Array.isArray(value) && value.length === 0)) {
        delete next[key]
      } else {
        next[key] = value
      }
      return next
    })
  const yesNo = (key: BooleanFilter) => (
    <Field label={t(`customerSuite.customerGrid.filters.${key}`)} key={key}>
      <OptionSelect
        size="small"
        label={t(`customerSuite.customerGrid.filters.${key}`)}
        testId={`customer-grid-filter-${key}`}
        value={filters[key] === undefined ? ANY : String(filters[key])}
        onValueChange={(v) => set(key, v === ANY ? undefined : v === "true")}
        options={[
          { value: ANY, label: t("customerSuite.customerGrid.filters.any") },
          { value: "true", label: t("customerSuite.common.yes") },
          { value: "false", label: t("customerSuite.common.no") },
        ]}
      />
    </Field>
  )
  const dates = (key: DateFilter) => (
    <Field label={t(`customerSuite.customerGrid.filters.${key}`)} key={key}>
      <RangeInputs
        name={key}
        type="date"
        gte={dateInputValue(filters[key]?.gte)}
        lte={dateInputValue(filters[key]?.lte)}
        onChange={(bound, value) =>
          set(key, (current) => {
            const range = { ...current, [bound]: dateBound(value, bound) }
            return range.gte || range.lte ? { ...(range.gte ? { gte: range.gte } : {}), ...(range.lte ? { lte: range.lte } : {}) } : undefined
          })
        }
      />
    </Field>
  )
  const spent = filters.amount_spent
  const orders = filters.orders_count ?? {}

  return (
    <div className="grid grid-cols-1 gap-4 px-6 py-4 md:grid-cols-2 xl:grid-cols-4" data-testid="customer-grid-filters">
      <Field label={t("customerSuite.customerGrid.filters.group_id")}>
        <ValuePickerInput picker="customer_group" value={filters.group_id ?? []} onChange={(v) => set("group_id", v)} testId="customer-grid-filter-group_id" />
      </Field>
      <Field label={t("customerSuite.customerGrid.filters.segment_id")}>
        <ValuePickerInput picker="segment" value={filters.segment_id ?? []} onChange={(v) => set("segment_id", v)} testId="customer-grid-filter-segment_id" />
      </Field>
      <Field label={t("customerSuite.customerGrid.filters.audience_id")}>
        <ValuePickerInput picker="audience" value={filters.audience_id ?? []} onChange={(v) => set("audience_id", v)} testId="customer-grid-filter-audience_id" />
      </Field>
      <Field label={t("customerSuite.customerGrid.filters.tax_class_id")}>
        <TaxClassPicker value={filters.tax_class_id ?? []} onChange={(v) => set("tax_class_id", v)} />
      </Field>
      <Field label={t("customerSuite.customerGrid.filters.country")}>
        <ValuePickerInput
          picker="country"
          value={(filters.country ?? []).map((c) => c.toLowerCase())}
          onChange={(v) => set("country", v.map((c) => c.toUpperCase()))}
          testId="customer-grid-filter-country"
        />
      </Field>
      {BOOLEAN_FILTERS.map(yesNo)}
      {DATE_FILTERS.map(dates)}
      <Field label={t("customerSuite.customerGrid.filters.orders_count")}>
        <RangeInputs
          name="orders_count"
          type="number"
          gte={orders.gte === undefined ? "" : String(orders.gte)}
          lte={orders.lte === undefined ? "" : String(orders.lte)}
          onChange={(bound, value) =>
            set("orders_count", (current) => {
              const range = withBound(current ?? {}, bound, toNumber(value))
              return range.gte === undefined && range.lte === undefined ? undefined : range
            })
          }
        />
      </Field>
      <Field label={t("customerSuite.customerGrid.filters.amount_spent")}>
        <div className="flex flex-col gap-y-2">
          <OptionSelect
            size="small"
            label={t("customerSuite.customerGrid.filters.currency")}
            testId="customer-grid-filter-amount_spent-currency"
            value={spent?.currency ?? ANY}
            onValueChange={(v) => set("amount_spent", (current) => (v === ANY ? undefined : { ...current, currency: v }))}
            options={[
              { value: ANY, label: t("customerSuite.customerGrid.filters.noCurrency") },
              ...(currencies.data ?? []).map((c) => ({ value: c, label: c.toUpperCase() })),
            ]}
          />
          {spent ? (
            <RangeInputs
              name="amount_spent"
              type="number"
              gte={spent.gte === undefined ? "" : String(spent.gte)}
              lte={spent.lte === undefined ? "" : String(spent.lte)}
              onChange={(bound, value) => set("amount_spent", (current) => current && withBound(current, bound, toNumber(value)))}
            />
          ) : (
            <Text size="xsmall" className="text-ui-fg-muted">
              {t("customerSuite.customerGrid.filters.currencyFirst")}
            </Text>
          )}
        </div>
      </Field>
    </div>
  )
}
