import { Input } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useStoreCurrencies } from "../../hooks/api/store"
import { OptionSelect } from "../common/option-select"
import { And, WindowInput } from "./date-value-input"
import type { ValueInputProps } from "./value-input-props"

type Money = { amount: number | null; currency_code: string; since?: string; until?: string }

const CurrencySelect = ({ value, onChange }: { value: string; onChange: (value: string) => void }) => {
  const { t } = useTranslation()
  const currencies = useStoreCurrencies()
  const options = Array.from(new Set([...(currencies.data ?? []), ...(value ? [value] : [])]))
  return (
    <OptionSelect
      size="small"
      className="w-24"
      label={t("customerSuite.segments.money.currency")}
      placeholder={t("customerSuite.segments.money.currency")}
      value={value}
      onValueChange={onChange}
      options={options.map((code) => ({ value: code, label: code.toUpperCase() }))}
    />
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

const withWindow = ({ since: _since, until: _until, ...money }: Money, since?: string, until?: string): Money => ({
  ...money,
  ...(since ? { since } : {}),
  ...(until ? { until } : {}),
})

/** An amount and a currency (two amounts for "between"); for amount spent, optionally within dates. */
export const MoneyInput = ({ attribute, operator, value, onChange, invalid, testId }: ValueInputProps) => {
  const { t } = useTranslation()
  const between = operator === "between"
  const ends = (between ? (value as Money[]) : [value as Money]).map((m) => m ?? { amount: null, currency_code: "" })
  const first = ends[0]
  const emit = (next: Money[]) => onChange(between ? next : next[0])
  const labels = between ? [t("customerSuite.segments.builder.from"), t("customerSuite.segments.builder.to")] : [t("customerSuite.segments.money.amount")]
  return (
    <div className="flex flex-wrap items-center gap-1" data-testid={testId}>
      {ends.map((money, i) => (
        <div key={i} className="flex items-center gap-1">
          {i === 1 && <And />}
          <AmountInput label={labels[i]} value={money.amount} invalid={invalid} onChange={(amount) => emit(ends.map((m, j) => (j === i ? { ...m, amount } : m)))} />
        </div>
      ))}
      <CurrencySelect value={first.currency_code} onChange={(currency_code) => emit(ends.map((m) => ({ ...m, currency_code })))} />
      {attribute.name === "amount_spent" && (
        <WindowInput since={first.since} until={first.until} onChange={(since, until) => emit(ends.map((m) => withWindow(m, since, until)))} testId={testId} />
      )}
    </div>
  )
}
