import { Input } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { idPickerOf, isListOperator, metadataValue } from "../../lib/rule-model"
import { OptionSelect } from "../common/option-select"
import { ValuePickerInput } from "../common/value-picker-input"
import { And, DateValueInput } from "./date-value-input"
import { MoneyInput } from "./money-input"
import { PurchaseFilterInput } from "./purchase-filter-input"
import { TagInput } from "./tag-input"
import type { ValueInputProps } from "./value-input-props"

/** The value input of a condition: typed by the attribute and shaped by the operator. */
export const ConditionValueInput = (props: ValueInputProps) => {
  const { t } = useTranslation()
  const { attribute, operator, value, onChange, invalid, testId } = props
  const list = isListOperator(operator)
  const between = operator === "between"

  switch (attribute.type) {
    case "money":
      return <MoneyInput {...props} />
    case "purchases":
      return <PurchaseFilterInput {...props} />
    case "boolean":
      return (
        <OptionSelect
          size="small"
          className="w-28"
          label={t("customerSuite.segments.builder.value")}
          testId={testId}
          value={String(value ?? true)}
          onValueChange={(v) => onChange(v === "true")}
          options={[
            { value: "true", label: t("customerSuite.common.yes") },
            { value: "false", label: t("customerSuite.common.no") },
          ]}
        />
      )
    case "date":
      if (between) {
        const [a, b] = (value as string[] | undefined) ?? ["", ""]
        return (
          <div className="flex flex-wrap items-center gap-1" data-testid={testId}>
            <DateValueInput value={a} onChange={(v) => onChange([v, b])} invalid={invalid} />
            <And />
            <DateValueInput value={b} onChange={(v) => onChange([a, v])} invalid={invalid} />
          </div>
        )
      }
      return <DateValueInput value={value as string} onChange={onChange} invalid={invalid} testId={testId} />
  }

  const picker = idPickerOf(attribute)
  if (picker) {
    const ids = list ? ((value as string[] | undefined) ?? []) : value ? [value as string] : []
    return (
      <ValuePickerInput
        picker={picker}
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
        <And />
        {scalar(b, (v) => onChange([a, v]), t("customerSuite.segments.builder.to"))}
      </div>
    )
  }
  return scalar(value, onChange, t("customerSuite.segments.builder.value"), testId)
}
