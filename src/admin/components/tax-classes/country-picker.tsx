import { CheckMini, ChevronUpDown } from "@medusajs/icons"
import { Popover, Text, clx } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useTranslation } from "react-i18next"
import { countries, countryLabel } from "../../lib/pickers"
import { SearchBox } from "../segments/pickers"

/**
 * One country, searched by name or ISO code (names from the browser's
 * Intl.DisplayNames, in the admin's language). Stores the lower-case code.
 */
export const CountryPicker = ({
  id,
  value,
  onChange,
  placeholder,
  invalid,
  disabled,
  testId,
}: {
  id?: string
  value: string | null
  onChange: (code: string) => void
  placeholder: string
  invalid?: boolean
  disabled?: boolean
  testId: string
}) => {
  const { t, i18n } = useTranslation()
  const language = i18n.language || "en"
  const [open, setOpen] = useState(false)
  const [search, setSearch] = useState("")
  const options = useMemo(() => {
    const needle = search.trim().toLowerCase()
    return countries(language).filter((c) => !needle || c.label.toLowerCase().includes(needle) || c.value === needle)
  }, [search, language])

  return (
    <Popover
      open={open}
      onOpenChange={(next) => {
        setOpen(next)
        if (!next) {
          setSearch("")
        }
      }}
    >
      <Popover.Trigger asChild>
        <button
          id={id}
          type="button"
          disabled={disabled}
          aria-invalid={invalid}
          aria-haspopup="listbox"
          data-testid={testId}
          className={clx(
            "bg-ui-bg-field shadow-buttons-neutral txt-compact-small text-ui-fg-base flex h-8 w-full items-center justify-between gap-x-2 rounded-md px-2 text-left outline-none",
            "hover:bg-ui-bg-field-hover focus-visible:shadow-borders-interactive-with-active disabled:text-ui-fg-disabled disabled:cursor-not-allowed",
            invalid && "shadow-borders-error"
          )}
        >
          <span className={clx("truncate", !value && "text-ui-fg-muted")}>{value ? countryLabel(value, language) : placeholder}</span>
          <ChevronUpDown className="text-ui-fg-muted shrink-0" />
        </button>
      </Popover.Trigger>
      <Popover.Content className="w-[320px] p-0" align="start">
        <SearchBox value={search} onChange={setSearch} label={t("customerSuite.taxClasses.matrix.searchCountry")} testId={`${testId}-search`} />
        <div className="max-h-[280px] overflow-y-auto p-1" role="listbox">
          {options.length === 0 && (
            <Text size="small" className="text-ui-fg-subtle px-2 py-1.5">
              {t("customerSuite.common.noResults")}
            </Text>
          )}
          {options.map((option) => (
            <button
              key={option.value}
              type="button"
              role="option"
              aria-selected={option.value === value}
              onClick={() => {
                onChange(option.value)
                setOpen(false)
                setSearch("")
              }}
              className="hover:bg-ui-bg-base-hover focus-visible:bg-ui-bg-base-hover txt-compact-small flex w-full items-center gap-x-2 rounded-md px-2 py-1.5 text-left outline-none"
            >
              <span className="flex size-4 items-center justify-center">{option.value === value && <CheckMini />}</span>
              <span className="flex-1 truncate">{option.label}</span>
              <span className="text-ui-fg-muted">{option.hint}</span>
            </button>
          ))}
        </div>
      </Popover.Content>
    </Popover>
  )
}
