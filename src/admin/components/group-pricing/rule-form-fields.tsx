import { Input, Text } from "@medusajs/ui"
import { forwardRef, type ComponentProps } from "react"
import { useTranslation } from "react-i18next"
import { useErrorMessage } from "../../hooks/use-error-message"
import type { FieldErrors } from "../../lib/field-errors"
import { FieldError } from "../common/field"

/** A percentage: a number input with "%" after it. */
export const PercentInput = forwardRef<HTMLInputElement, ComponentProps<typeof Input>>((props, ref) => (
  <div className="flex items-center gap-x-2">
    <Input ref={ref} type="number" min={0} max={100} step="any" className="w-32" {...props} />
    <Text size="small" className="text-ui-fg-subtle">
      %
    </Text>
  </div>
))
PercentInput.displayName = "PercentInput"

/** One amount per currency; a currency left empty is left out of the rule. */
export const AmountsInput = ({
  currencies,
  value,
  onChange,
  errors,
  path,
  testId,
}: {
  currencies: string[]
  value: Record<string, string>
  onChange: (value: Record<string, string>) => void
  errors: FieldErrors
  path: string
  testId: string
}) => (
  <div className="flex flex-wrap gap-2">
    {currencies.map((currency) => (
      <div key={currency} className="flex items-center gap-x-1">
        <Text size="small" className="text-ui-fg-subtle w-9">
          {currency.toUpperCase()}
        </Text>
        <Input
          type="number"
          min={0}
          step="any"
          value={value[currency] ?? ""}
          onChange={(e) => {
            const { [currency]: _previous, ...others } = value
            onChange(e.target.value ? { ...others, [currency]: e.target.value } : others)
          }}
          aria-label={currency.toUpperCase()}
          aria-invalid={!!errors[`${path}.${currency}`] || !!errors[path]}
          className="w-28"
          data-testid={`${testId}-${currency}`}
        />
      </div>
    ))}
  </div>
)

/**
 * The text of the messages for a field, ours translated; with `under`, also
 * those for the fields below it, each named ("EUR: …", "From quantity: …").
 */
export const useErrorText = (errors: FieldErrors) => {
  const { t } = useTranslation()
  const shown = useErrorMessage()
  /** What a message under a field is about: "From quantity", "Percentage", "EUR". */
  const subLabel = (sub: string) => {
    const last = sub.split(".").pop() ?? sub
    if (last === "min_quantity") {
      return t("customerSuite.groupPricing.form.minQuantity")
    }
    if (last === "percentage") {
      return t("customerSuite.groupPricing.fields.percentage")
    }
    return /^[a-z]{3}$/.test(last) && last !== "amounts" ? last.toUpperCase() : sub
  }
  return (path: string, under = false) =>
    Object.entries(errors)
      .filter(([field]) => field === path || (under && field.startsWith(`${path}.`)))
      .map(([field, message]) => {
        const text = shown(message)
        return field === path ? text : `${subLabel(field.slice(path.length + 1))}: ${text}`
      })
      .join("; ")
}

/** The messages for a field under it (`group-pricing-error-<path>`). */
export const RuleFieldError = ({ errors, path, under = false }: { errors: FieldErrors; path: string; under?: boolean }) => (
  <FieldError error={useErrorText(errors)(path, under)} testId={`group-pricing-error-${path}`} />
)
