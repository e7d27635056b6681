import { XMarkMini } from "@medusajs/icons"
import { Badge, Button, clx } from "@medusajs/ui"
import { useRef, useState } from "react"
import { useTranslation } from "react-i18next"
import { usePickerLabels, usePickerOptions, type PickerOption } from "../../hooks/api/pickers"
import { useDebounced } from "../../hooks/use-debounced"
import type { ValuePicker } from "../../../types/http"
import { CheckedOption, Listbox } from "./listbox"
import { SearchPopover } from "./search-box"

/** A chosen value as a badge with a button that removes it. */
export const RemovableBadge = ({ label, onRemove, className }: { label: string; onRemove: () => void; className?: string }) => {
  const { t } = useTranslation()
  return (
    <Badge size="2xsmall" className={clx("gap-x-1", className)}>
      <span className="truncate">{label}</span>
      <button
        type="button"
        aria-label={t("customerSuite.segments.builder.removeValue", { value: label })}
        onClick={onRemove}
        className="text-ui-fg-muted hover:text-ui-fg-subtle"
      >
        <XMarkMini />
      </button>
    </Badge>
  )
}

/**
 * A searchable picker of customer groups, segments, countries, products,
 * collections, categories or types. Shows labels, holds ids. `single` keeps one value.
 */
export const ValuePickerInput = ({
  picker,
  value,
  onChange,
  single = false,
  invalid,
  testId,
  chooseLabel,
}: {
  picker: ValuePicker
  value: string[]
  onChange: (value: string[]) => void
  single?: boolean
  invalid?: boolean
  testId?: string
  /** The button's text while nothing is chosen (default: the picker's "Choose …"). */
  chooseLabel?: string
}) => {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const [search, setSearch] = useState("")
  const options = usePickerOptions(picker, useDebounced(search, 250), open)
  const labels = usePickerLabels(picker, value)
  // Labels of options seen in this picker: a value just chosen is named at once.
  const seen = useRef(new Map<string, string>())
  for (const option of options.data ?? []) {
    seen.current.set(option.value, option.label)
  }
  const label = (id: string) => seen.current.get(id) ?? labels.data?.[id] ?? id

  const toggle = (option: PickerOption) => {
    seen.current.set(option.value, option.label)
    if (single) {
      onChange([option.value])
      setOpen(false)
      return
    }
    onChange(value.includes(option.value) ? value.filter((v) => v !== option.value) : [...value, option.value])
  }
  const state = options.isPending ? "loading" : options.isError ? "error" : options.data.length === 0 ? "empty" : "ready"

  return (
    <div className="flex min-w-0 flex-1 flex-wrap items-center gap-1" data-testid={testId}>
      {value.map((id) => (
        <RemovableBadge key={id} className="max-w-[16rem]" label={label(id)} onRemove={() => onChange(value.filter((v) => v !== id))} />
      ))}
      <SearchPopover
        open={open}
        onOpenChange={setOpen}
        value={search}
        onChange={setSearch}
        label={t(`customerSuite.segments.pickers.${picker}.search`)}
        testId={testId ? `${testId}-search` : undefined}
        trigger={
          <Button type="button" size="small" variant="secondary" className={clx(invalid && "shadow-borders-error")} data-testid={testId ? `${testId}-open` : undefined}>
            {value.length && single ? t("customerSuite.segments.builder.change") : (chooseLabel ?? t(`customerSuite.segments.pickers.${picker}.choose`))}
          </Button>
        }
      >
        <Listbox state={state} multiselectable={!single}>
          {options.data?.map((option) => (
            <CheckedOption key={option.value} selected={value.includes(option.value)} label={option.label} hint={option.hint} onChoose={() => toggle(option)} />
          ))}
        </Listbox>
      </SearchPopover>
    </div>
  )
}
