import { Select } from "@medusajs/ui"
import type { ComponentProps, ReactNode } from "react"
import { Controller, type Control, type FieldPathByValue, type FieldValues } from "react-hook-form"

export type SelectOption = { value: string; label: ReactNode }

/** Options for records with an id and a name (a class, a segment): the id chosen, the name shown. */
export const namedOptions = (items: { id: string; name: string }[]): SelectOption[] => items.map((item) => ({ value: item.id, label: item.name }))

/** A @medusajs/ui Select over a list of options; `label` names it for screen readers when no `<label>` does. */
export const OptionSelect = ({
  options,
  value,
  onValueChange,
  id,
  size,
  className,
  label,
  placeholder,
  disabled,
  invalid,
  testId,
}: {
  options: readonly SelectOption[]
  /** "" (or undefined): nothing chosen yet, the placeholder shows. */
  value: string | undefined
  onValueChange: (value: string) => void
  id?: string
  size?: "small" | "base"
  className?: string
  label?: string
  placeholder?: string
  disabled?: boolean
  invalid?: boolean
  testId?: string
}) => (
  <Select size={size} value={value} onValueChange={onValueChange} disabled={disabled}>
    <Select.Trigger id={id} className={className} aria-label={label} aria-invalid={invalid} data-testid={testId}>
      <Select.Value placeholder={placeholder} />
    </Select.Trigger>
    <Select.Content>
      {options.map((option) => (
        <Select.Item key={option.value} value={option.value}>
          {option.label}
        </Select.Item>
      ))}
    </Select.Content>
  </Select>
)

/** An `OptionSelect` bound to a react-hook-form field holding the chosen value ("" for none). */
export const FormSelect = <T extends FieldValues, TOutput = T>({
  control,
  name,
  onChosen,
  ...select
}: {
  control: Control<T, unknown, TOutput>
  name: FieldPathByValue<T, string>
  /** Called with the value chosen, before the field takes it. */
  onChosen?: (value: string, previous: string) => void
} & Omit<ComponentProps<typeof OptionSelect>, "value" | "onValueChange">) => (
  <Controller
    control={control}
    name={name}
    render={({ field }) => (
      <OptionSelect
        {...select}
        value={String(field.value ?? "")}
        onValueChange={(value) => {
          onChosen?.(value, String(field.value ?? ""))
          field.onChange(value)
        }}
      />
    )}
  />
)
