import { Button, Text, clx } from "@medusajs/ui"
import { useRef, useState } from "react"
import { useTranslation } from "react-i18next"
import { useAudienceLabels, useAudienceSearch, type AudienceOption } from "../../hooks/api/content-blocks"
import { useDebounced } from "../../hooks/use-debounced"
import { CheckedOption, Listbox } from "../common/listbox"
import { SearchPopover } from "../common/search-box"
import { RemovableBadge } from "../common/value-picker-input"

/**
 * A searchable picker of the plugin's audiences (GET /admin/audiences).
 * A backend without the audiences API (404) gets a sentence saying so,
 * not an error; ids chosen earlier stay shown and removable.
 */
export const AudiencePicker = ({
  value,
  onChange,
  invalid,
  testId,
}: {
  value: string[]
  onChange: (value: string[]) => void
  invalid?: boolean
  testId?: string
}) => {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const [search, setSearch] = useState("")
  const options = useAudienceSearch(useDebounced(search, 250), open)
  const labels = useAudienceLabels(value)
  const seen = useRef(new Map<string, string>())
  for (const audience of options.data?.audiences ?? []) {
    seen.current.set(audience.id, audience.name)
  }
  const label = (id: string) => seen.current.get(id) ?? labels.data?.[id] ?? id
  const toggle = (audience: AudienceOption) => {
    seen.current.set(audience.id, audience.name)
    onChange(value.includes(audience.id) ? value.filter((v) => v !== audience.id) : [...value, audience.id])
  }
  const unavailable = options.data?.available === false
  const state = options.isPending ? "loading" : options.isError ? "error" : options.data.audiences.length === 0 ? "empty" : "ready"

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
        label={t("customerSuite.contentBlocks.audiences.search")}
        testId={testId ? `${testId}-search` : undefined}
        trigger={
          <Button type="button" size="small" variant="secondary" className={clx(invalid && "shadow-borders-error")} data-testid={testId ? `${testId}-open` : undefined}>
            {t("customerSuite.contentBlocks.audiences.choose")}
          </Button>
        }
      >
        {unavailable ? (
          <Text size="small" className="text-ui-fg-subtle px-3 py-2" data-testid={testId ? `${testId}-unavailable` : undefined}>
            {t("customerSuite.contentBlocks.audiences.unavailable")}
          </Text>
        ) : state === "empty" && !search.trim() ? (
          <Text size="small" className="text-ui-fg-subtle px-3 py-2">
            {t("customerSuite.contentBlocks.audiences.none")}
          </Text>
        ) : (
          <Listbox state={state} multiselectable>
            {options.data?.audiences.map((audience) => (
              <CheckedOption
                key={audience.id}
                selected={value.includes(audience.id)}
                label={audience.name}
                hint={audience.source?.name ?? audience.external_id}
                onChoose={() => toggle(audience)}
              />
            ))}
          </Listbox>
        )}
      </SearchPopover>
    </div>
  )
}
