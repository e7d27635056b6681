import { Input, Select, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useEffect, useState } from "react"
import { useTranslation } from "react-i18next"
import { isListOperator, metadataValue } from "../../lib/rule-model"
import { sdk } from "../../lib/sdk"
import type { Attribute, ValuePicker } from "../../lib/segments"
import type { PurchaseFilter as RulePurchaseFilter } from "../../../modules/customer_segment/rules/ast"
import { TagInput, ValuePickerInput } from "./pickers"

/** The store's currencies (the default first), for money values. */
export const useStoreCurrencies = () =>
  useQuery({
    queryKey: ["customer-suite", "store-currencies"],
    queryFn: async () => {
      const { stores } = await sdk.admin.store.list({ fields: "id,*supported_currencies" })
      const currencies = stores[0]?.supported_currencies ?? []
      return [...currencies]
        .sort((a, b) => Number(b.is_default) - Number(a.is_default))
        .map((c) => c.currency_code.toLowerCase())
    },
    staleTime: Infinity,
  })

/** What every value input gets: the attribute, the operator shaping the value, the value and where to send changes. */
type ValueInputProps = {
  attribute: Attribute
  operator: string
  value: unknown
  onChange: (value: unknown) => void
  invalid?: boolean
  testId?: string
}

type Money = { amount: number | null; currency_code: string; since?: string; until?: string }

// ---------------------------------------------------------------- dates

const RELATIVE = /^-(\d{1,4})([dwmy])$/

/** A date value: a calendar day, "today", or N days/weeks/months/years ago. */
export const DateValueInput = ({
  value,
  onChange,
  invalid,
  testId,
  label,
}: {
  value: string
  onChange: (value: string) => void
  invalid?: boolean
  testId?: string
  label?: string
}) => {
  const { t } = useTranslation()
  const relative = RELATIVE.exec(value ?? "")
  const mode = value === "today" ? "today" : relative ? "relative" : "absolute"
  // The box may be empty while typing; the value only takes whole numbers from 1 to 9999.
  const [draft, setDraft] = useState(relative?.[1] ?? "")
  useEffect(() => {
    if (relative && relative[1] !== draft && Number(draft) !== Number(relative[1])) {
      setDraft(relative[1])
    }
  }, [value])
  const unit = relative?.[2] ?? "d"
  return (
    <div className="flex flex-wrap items-center gap-1" data-testid={testId} role="group" aria-label={label}>
      <Select
        size="small"
        value={mode}
        onValueChange={(next) =>
          onChange(next === "today" ? "today" : next === "relative" ? "-30d" : new Date().toISOString().slice(0, 10))
        }
      >
        <Select.Trigger className="w-36" aria-label={t("customerSuite.segments.dates.mode")}>
          <Select.Value />
        </Select.Trigger>
        <Select.Content>
          <Select.Item value="relative">{t("customerSuite.segments.dates.relative")}</Select.Item>
          <Select.Item value="absolute">{t("customerSuite.segments.dates.absolute")}</Select.Item>
          <Select.Item value="today">{t("customerSuite.segments.dates.today")}</Select.Item>
        </Select.Content>
      </Select>
      {mode === "relative" && (
        <>
          <Input
            size="small"
            type="number"
            min={1}
            max={9999}
            className="w-20"
            aria-label={t("customerSuite.segments.dates.amount")}
            aria-invalid={invalid || draft === ""}
            value={draft}
            onChange={(e) => {
              setDraft(e.target.value)
              const n = Math.floor(Number(e.target.value))
              if (e.target.value !== "" && Number.isFinite(n)) {
                onChange(`-${Math.min(9999, Math.max(1, n))}${unit}`)
              }
            }}
            onBlur={() => setDraft(relative?.[1] ?? "")}
            data-testid={testId ? `${testId}-amount` : undefined}
          />
          <Select size="small" value={unit} onValueChange={(next) => onChange(`-${relative?.[1] ?? "30"}${next}`)}>
            <Select.Trigger className="w-28" aria-label={t("customerSuite.segments.dates.unit")}>
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              {(["d", "w", "m", "y"] as const).map((u) => (
                <Select.Item key={u} value={u}>
                  {t(`customerSuite.segments.dates.units.${u}`)}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
          <Text size="small" className="text-ui-fg-subtle">
            {t("customerSuite.segments.dates.ago")}
          </Text>
        </>
      )}
      {mode === "absolute" && (
        <Input
          size="small"
          type="date"
          className="w-40"
          aria-label={label ?? t("customerSuite.segments.dates.absolute")}
          aria-invalid={invalid}
          value={value ?? ""}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </div>
  )
}

type Window = "any" | "since" | "until" | "between"

/** Dates a value applies within: any time, since, until, or between two dates. */
const WindowInput = ({
  since,
  until,
  onChange,
  testId,
}: {
  since?: string
  until?: string
  onChange: (since?: string, until?: string) => void
  testId?: string
}) => {
  const { t } = useTranslation()
  const window: Window = since && until ? "between" : since ? "since" : until ? "until" : "any"
  return (
    <>
      <Select
        size="small"
        value={window}
        onValueChange={(next) =>
          onChange(
            next === "since" || next === "between" ? (since ?? "-90d") : undefined,
            next === "until" || next === "between" ? (until ?? "today") : undefined
          )
        }
      >
        <Select.Trigger className="w-36" aria-label={t("customerSuite.segments.money.window")}>
          <Select.Value />
        </Select.Trigger>
        <Select.Content>
          <Select.Item value="any">{t("customerSuite.segments.money.anyTime")}</Select.Item>
          <Select.Item value="since">{t("customerSuite.segments.money.since")}</Select.Item>
          <Select.Item value="until">{t("customerSuite.segments.money.until")}</Select.Item>
          <Select.Item value="between">{t("customerSuite.segments.money.between")}</Select.Item>
        </Select.Content>
      </Select>
      {since !== undefined && (
        <DateValueInput
          value={since}
          onChange={(next) => onChange(next, until)}
          label={t("customerSuite.segments.money.since")}
          testId={testId ? `${testId}-since` : undefined}
        />
      )}
      {since !== undefined && until !== undefined && (
        <Text size="small" className="text-ui-fg-subtle">
          {t("customerSuite.segments.builder.and")}
        </Text>
      )}
      {until !== undefined && (
        <DateValueInput
          value={until}
          onChange={(next) => onChange(since, next)}
          label={t("customerSuite.segments.money.until")}
          testId={testId ? `${testId}-until` : undefined}
        />
      )}
    </>
  )
}

// ---------------------------------------------------------------- money

const CurrencySelect = ({ value, onChange }: { value: string; onChange: (value: string) => void }) => {
  const { t } = useTranslation()
  const currencies = useStoreCurrencies()
  const options = Array.from(new Set([...(currencies.data ?? []), ...(value ? [value] : [])]))
  return (
    <Select size="small" value={value} onValueChange={onChange}>
      <Select.Trigger className="w-24" aria-label={t("customerSuite.segments.money.currency")}>
        <Select.Value placeholder={t("customerSuite.segments.money.currency")} />
      </Select.Trigger>
      <Select.Content>
        {options.map((code) => (
          <Select.Item key={code} value={code}>
            {code.toUpperCase()}
          </Select.Item>
        ))}
      </Select.Content>
    </Select>
  )
}

const AmountInput = ({ value, onChange, invalid, label }: { value: number | null; onChange: (v: number | null) => void; invalid?: boolean; label: string }) => (
  <Input
    size="small"
    type="number"
    step="any"
    className="w-28"
    aria-label={label}
    aria-invalid={invalid}
    value={value ?? ""}
    onChange={(e) => onChange(e.target.value === "" ? null : Number(e.target.value))}
  />
)

/** An amount and a currency; for amount spent, optionally within dates. */
const MoneyInput = ({ attribute, operator, value, onChange, invalid, testId }: ValueInputProps) => {
  const { t } = useTranslation()
  const ends = (operator === "between" ? (value as Money[]) : [value as Money]).map(
    (m) => m ?? { amount: null, currency_code: "" }
  )
  const first = ends[0]
  const emit = (next: Money[]) => onChange(operator === "between" ? next : next[0])
  const withWindow = (m: Money, since?: string, until?: string): Money => {
    const { since: _s, until: _u, ...rest } = m
    return { ...rest, ...(since ? { since } : {}), ...(until ? { until } : {}) }
  }
  const labels = operator === "between" ? [t("customerSuite.segments.builder.from"), t("customerSuite.segments.builder.to")] : [t("customerSuite.segments.money.amount")]
  return (
    <div className="flex flex-wrap items-center gap-1" data-testid={testId}>
      {ends.map((money, i) => (
        <div key={i} className="flex items-center gap-1">
          {i === 1 && (
            <Text size="small" className="text-ui-fg-subtle">
              {t("customerSuite.segments.builder.and")}
            </Text>
          )}
          <AmountInput
            label={labels[i]}
            value={money.amount}
            invalid={invalid}
            onChange={(amount) => emit(ends.map((m, j) => (j === i ? { ...m, amount } : m)))}
          />
        </div>
      ))}
      <CurrencySelect
        value={first.currency_code}
        onChange={(currency_code) => emit(ends.map((m) => ({ ...m, currency_code })))}
      />
      {attribute.name === "amount_spent" && (
        <WindowInput
          since={first.since}
          until={first.until}
          onChange={(since, until) => emit(ends.map((m) => withWindow(m, since, until)))}
          testId={testId}
        />
      )}
    </div>
  )
}

// ---------------------------------------------------------------- purchases

type PurchaseFilter = RulePurchaseFilter

const FILTER_KEYS: { key: keyof PurchaseFilter; picker: ValuePicker }[] = [
  { key: "product_ids", picker: "product" },
  { key: "collection_ids", picker: "collection" },
  { key: "category_ids", picker: "category" },
  { key: "type_ids", picker: "product_type" },
]

const PurchaseFilterInput = ({ attribute, value, onChange, invalid, testId }: Omit<ValueInputProps, "operator">) => {
  const { t } = useTranslation()
  const filter = (value ?? {}) as PurchaseFilter
  const by = FILTER_KEYS.find((f) => filter[f.key] !== undefined) ?? FILTER_KEYS[0]
  const ids = (filter[by.key] as string[] | undefined) ?? []
  const dated = attribute.name !== "cart_products"
  const set = (patch: Partial<PurchaseFilter>) => {
    const next = { ...filter, ...patch }
    for (const key of Object.keys(next) as (keyof PurchaseFilter)[]) {
      if (next[key] === undefined) {
        delete next[key]
      }
    }
    onChange(next)
  }
  return (
    <div className="flex flex-col gap-2" data-testid={testId}>
      <div className="flex flex-wrap items-center gap-1">
        <Select
          size="small"
          value={by.key}
          onValueChange={(key) => {
            const next: PurchaseFilter = { ...filter }
            for (const f of FILTER_KEYS) {
              delete next[f.key]
            }
            onChange({ ...next, [key]: [] })
          }}
        >
          <Select.Trigger className="w-36" aria-label={t("customerSuite.segments.purchases.by")}>
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            {FILTER_KEYS.map((f) => (
              <Select.Item key={f.key} value={f.key}>
                {t(`customerSuite.segments.purchases.${f.picker}`)}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
        <ValuePickerInput
          picker={by.picker}
          value={ids}
          invalid={invalid}
          onChange={(next) => set({ [by.key]: next })}
          testId={testId ? `${testId}-picker` : undefined}
        />
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Text size="small" className="text-ui-fg-subtle">
          {t("customerSuite.segments.purchases.minQuantity")}
        </Text>
        <Input
          size="small"
          type="number"
          min={1}
          className="w-20"
          aria-label={t("customerSuite.segments.purchases.minQuantity")}
          value={filter.min_quantity ?? ""}
          placeholder="1"
          onChange={(e) => set({ min_quantity: e.target.value === "" ? undefined : Number(e.target.value) })}
        />
        {dated && (
          <WindowInput
            since={filter.since}
            until={filter.until}
            onChange={(since, until) => set({ since, until })}
            testId={testId}
          />
        )}
      </div>
    </div>
  )
}

// ---------------------------------------------------------------- dispatch

/** The value input of a condition: typed by the attribute and shaped by the operator. */
export const ConditionValueInput = ({ attribute, operator, value, onChange, invalid, testId }: ValueInputProps) => {
  const { t } = useTranslation()
  const list = isListOperator(operator)
  const between = operator === "between"

  switch (attribute.type) {
    case "money":
      return <MoneyInput attribute={attribute} operator={operator} value={value} onChange={onChange} invalid={invalid} testId={testId} />
    case "purchases":
      return <PurchaseFilterInput attribute={attribute} value={value} onChange={onChange} invalid={invalid} testId={testId} />
    case "boolean":
      return (
        <Select size="small" value={String(value ?? true)} onValueChange={(v) => onChange(v === "true")}>
          <Select.Trigger className="w-28" aria-label={t("customerSuite.segments.builder.value")} data-testid={testId}>
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value="true">{t("customerSuite.common.yes")}</Select.Item>
            <Select.Item value="false">{t("customerSuite.common.no")}</Select.Item>
          </Select.Content>
        </Select>
      )
    case "date":
      if (between) {
        const [a, b] = (value as string[] | undefined) ?? ["", ""]
        return (
          <div className="flex flex-wrap items-center gap-1" data-testid={testId}>
            <DateValueInput value={a} onChange={(v) => onChange([v, b])} invalid={invalid} />
            <Text size="small" className="text-ui-fg-subtle">
              {t("customerSuite.segments.builder.and")}
            </Text>
            <DateValueInput value={b} onChange={(v) => onChange([a, v])} invalid={invalid} />
          </div>
        )
      }
      return <DateValueInput value={value as string} onChange={onChange} invalid={invalid} testId={testId} />
  }

  if (attribute.picker === "customer_group" || attribute.picker === "country") {
    const ids = list ? ((value as string[] | undefined) ?? []) : value ? [value as string] : []
    return (
      <ValuePickerInput
        picker={attribute.picker}
        value={ids}
        single={!list}
        invalid={invalid}
        onChange={(next) => onChange(list ? next : (next[next.length - 1] ?? ""))}
        testId={testId}
      />
    )
  }

  const numeric = attribute.type === "number"
  if (list) {
    return (
      <TagInput
        value={(value as (string | number)[] | undefined) ?? []}
        numeric={numeric}
        invalid={invalid}
        onChange={(next) => onChange(next.map((v) => (typeof v === "string" ? metadataValue(attribute, operator, v) : v)))}
        label={t("customerSuite.segments.builder.values")}
        testId={testId}
      />
    )
  }
  const scalar = (v: unknown, set: (next: unknown) => void, label: string, id?: string) => (
    <Input
      size="small"
      className={numeric ? "w-28" : "w-56"}
      type={numeric ? "number" : "text"}
      aria-label={label}
      aria-invalid={invalid}
      value={v === null || v === undefined ? "" : String(v)}
      onChange={(e) => set(numeric ? (e.target.value === "" ? null : Number(e.target.value)) : metadataValue(attribute, operator, e.target.value))}
      data-testid={id}
    />
  )
  if (between) {
    const [a, b] = (value as unknown[] | undefined) ?? [null, null]
    return (
      <div className="flex items-center gap-1" data-testid={testId}>
        {scalar(a, (v) => onChange([v, b]), t("customerSuite.segments.builder.from"))}
        <Text size="small" className="text-ui-fg-subtle">
          {t("customerSuite.segments.builder.and")}
        </Text>
        {scalar(b, (v) => onChange([a, v]), t("customerSuite.segments.builder.to"))}
      </div>
    )
  }
  return scalar(value, onChange, t("customerSuite.segments.builder.value"), testId)
}
