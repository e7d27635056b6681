import { CheckMini, MagnifyingGlass, XMarkMini } from "@medusajs/icons"
import { Badge, Button, Input, Popover, Text, clx } from "@medusajs/ui"
import { useEffect, useMemo, useRef, useState } from "react"
import { useTranslation } from "react-i18next"
import { usePickerLabels, usePickerOptions, type PickerOption } from "../../lib/pickers"
import type { ValuePicker } from "../../lib/segments"

const useDebounced = <T,>(value: T, ms: number): T => {
  const [debounced, setDebounced] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms)
    return () => clearTimeout(timer)
  }, [value, ms])
  return debounced
}
export { useDebounced }

/**
 * A searchable picker of customer groups, countries, products, collections,
 * categories or types. Shows labels, stores ids. `single` keeps one value.
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
  const q = useDebounced(search, 250)
  const options = usePickerOptions(picker, q, open)
  const labels = usePickerLabels(picker, value)
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

  return (
    <div className="flex min-w-0 flex-1 flex-wrap items-center gap-1" data-testid={testId}>
      {value.map((id) => (
        <Badge key={id} size="2xsmall" className="max-w-[16rem] gap-x-1">
          <span className="truncate">{label(id)}</span>
          <button
            type="button"
            aria-label={t("customerSuite.segments.builder.removeValue", { value: label(id) })}
            onClick={() => onChange(value.filter((v) => v !== id))}
            className="text-ui-fg-muted hover:text-ui-fg-subtle"
          >
            <XMarkMini />
          </button>
        </Badge>
      ))}
      <Popover open={open} onOpenChange={setOpen}>
        <Popover.Trigger asChild>
          <Button
            type="button"
            size="small"
            variant="secondary"
            className={clx(invalid && "shadow-borders-error")}
            data-testid={testId ? `${testId}-open` : undefined}
          >
            {value.length && single
              ? t("customerSuite.segments.builder.change")
              : (chooseLabel ?? t(`customerSuite.segments.pickers.${picker}.choose`))}
          </Button>
        </Popover.Trigger>
        <Popover.Content className="w-[320px] p-0" align="start">
          <SearchBox
            value={search}
            onChange={setSearch}
            label={t(`customerSuite.segments.pickers.${picker}.search`)}
            testId={testId ? `${testId}-search` : undefined}
          />
          <div className="max-h-[280px] overflow-y-auto p-1" role="listbox" aria-multiselectable={!single}>
            {options.isPending && (
              <Text size="small" className="text-ui-fg-subtle px-2 py-1.5">
                {t("customerSuite.common.loading")}
              </Text>
            )}
            {options.isError && (
              <Text size="small" className="text-ui-fg-error px-2 py-1.5">
                {t("customerSuite.common.loadError")}
              </Text>
            )}
            {options.data?.length === 0 && (
              <Text size="small" className="text-ui-fg-subtle px-2 py-1.5">
                {t("customerSuite.common.noResults")}
              </Text>
            )}
            {options.data?.map((option) => {
              const selected = value.includes(option.value)
              return (
                <button
                  key={option.value}
                  type="button"
                  role="option"
                  aria-selected={selected}
                  onClick={() => toggle(option)}
                  className="hover:bg-ui-bg-base-hover focus-visible:bg-ui-bg-base-hover txt-compact-small flex w-full items-center gap-x-2 rounded-md px-2 py-1.5 text-left outline-none"
                >
                  <span className="flex size-4 items-center justify-center">{selected && <CheckMini />}</span>
                  <span className="flex-1 truncate">{option.label}</span>
                  {option.hint && <span className="text-ui-fg-muted truncate">{option.hint}</span>}
                </button>
              )
            })}
          </div>
        </Popover.Content>
      </Popover>
    </div>
  )
}

/** The search field at the top of a picker's popover (focused when it opens). */
export const SearchBox = ({
  value,
  onChange,
  label,
  onEnter,
  testId,
}: {
  value: string
  onChange: (value: string) => void
  label: string
  onEnter?: () => void
  testId?: string
}) => (
  <div className="flex items-center gap-x-2 border-b px-3 py-2">
    <MagnifyingGlass className="text-ui-fg-muted" />
    <input
      autoFocus
      value={value}
      onChange={(e) => onChange(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === "Enter" && onEnter) {
          e.preventDefault()
          onEnter()
        }
      }}
      placeholder={label}
      aria-label={label}
      className="txt-compact-small w-full bg-transparent outline-none"
      data-testid={testId}
    />
  </div>
)

/** Free values as chips: type and press Enter (or a comma). */
export const TagInput = ({
  value,
  onChange,
  numeric = false,
  invalid,
  placeholder,
  label,
  testId,
}: {
  value: (string | number)[]
  onChange: (value: (string | number)[]) => void
  numeric?: boolean
  invalid?: boolean
  placeholder?: string
  label?: string
  testId?: string
}) => {
  const { t } = useTranslation()
  const [draft, setDraft] = useState("")
  const commit = () => {
    const items = draft
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s) => (numeric ? Number(s) : s))
    if (items.length) {
      onChange([...value, ...items])
    }
    setDraft("")
  }
  const chips = useMemo(() => value.map((v, i) => ({ v, i })), [value])
  return (
    <div className="flex min-w-0 flex-1 flex-wrap items-center gap-1" data-testid={testId}>
      {chips.map(({ v, i }) => (
        <Badge key={`${v}-${i}`} size="2xsmall" className="gap-x-1">
          <span>{String(v)}</span>
          <button
            type="button"
            aria-label={t("customerSuite.segments.builder.removeValue", { value: String(v) })}
            onClick={() => onChange(value.filter((_, j) => j !== i))}
            className="text-ui-fg-muted hover:text-ui-fg-subtle"
          >
            <XMarkMini />
          </button>
        </Badge>
      ))}
      <Input
        size="small"
        className="w-40"
        value={draft}
        type={numeric ? "number" : "text"}
        aria-label={label}
        aria-invalid={invalid}
        placeholder={placeholder ?? t("customerSuite.segments.builder.addValue")}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter" || e.key === ",") {
            e.preventDefault()
            commit()
          }
        }}
      />
    </div>
  )
}
