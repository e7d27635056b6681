import { ChevronUpDown } from "@medusajs/icons"
import { clx } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useTranslation } from "react-i18next"
import { countryLabel, searchCountries } from "../../lib/countries"
import { CheckedOption, Listbox } from "../common/listbox"
import { SearchPopover } from "../common/search-box"

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
  const options = useMemo(() => searchCountries(language, search), [search, language])
  const close = () => {
    setOpen(false)
    setSearch("")
  }

  return (
    <SearchPopover
      open={open}
      onOpenChange={(next) => (next ? setOpen(true) : close())}
      value={search}
      onChange={setSearch}
      label={t("customerSuite.taxClasses.matrix.searchCountry")}
      testId={`${testId}-search`}
      trigger={
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
      }
    >
      <Listbox state={options.length ? "ready" : "empty"}>
        {options.map((option) => (
          <CheckedOption
            key={option.value}
            selected={option.value === value}
            label={option.label}
            hint={option.hint}
            onChoose={() => {
              onChange(option.value)
              close()
            }}
          />
        ))}
      </Listbox>
    </SearchPopover>
  )
}
