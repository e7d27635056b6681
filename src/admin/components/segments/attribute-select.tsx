import { Button, Input, Text } from "@medusajs/ui"
import { useMemo, useState, type ReactNode } from "react"
import { useTranslation } from "react-i18next"
import type { AdminCustomerSegmentAttribute as Attribute, Operator } from "../../../types/http"
import { Listbox, ListboxOption } from "../common/listbox"
import { SearchPopover } from "../common/search-box"

export const METADATA_PREFIX = "metadata."
const METADATA_OPERATORS: Operator[] = ["eq", "neq", "in", "not_in", "gt", "gte", "lt", "lte", "contains", "not_contains", "starts_with", "exists", "not_exists"]

/** The definition of an attribute, including `metadata.<key>` ones. */
export function attributeOf(attributes: Attribute[], name: string): Attribute | undefined {
  const known = attributes.find((a) => a.name === name)
  if (known || !name.startsWith(METADATA_PREFIX)) {
    return known
  }
  return {
    name,
    type: "metadata",
    label: name,
    description: "",
    guest: false,
    current_cart: false,
    operators: METADATA_OPERATORS.map((operator) => ({ operator, text: operator, value: "" })),
  }
}

/** The attribute picker: search by name or description; metadata keys typed in. */
export const AttributeSelect = ({
  attributes,
  trigger,
  onSelect,
}: {
  attributes: Attribute[]
  trigger: ReactNode
  onSelect: (attribute: Attribute) => void
}) => {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const [search, setSearch] = useState("")
  const [metadataKey, setMetadataKey] = useState("")
  const matches = useMemo(() => {
    const needle = search.trim().toLowerCase()
    return attributes.filter(
      (a) => !needle || a.label.toLowerCase().includes(needle) || a.description.toLowerCase().includes(needle) || a.name.includes(needle)
    )
  }, [attributes, search])
  const choose = (attribute: Attribute | undefined) => {
    if (attribute) {
      onSelect(attribute)
      setOpen(false)
      setSearch("")
    }
  }
  return (
    <SearchPopover
      open={open}
      onOpenChange={setOpen}
      trigger={trigger}
      className="w-[380px]"
      value={search}
      onChange={setSearch}
      label={t("customerSuite.segments.builder.searchAttributes")}
      onEnter={() => choose(matches[0])}
      testId="segment-attribute-search"
    >
      <Listbox state={matches.length ? "ready" : "empty"} className="max-h-[320px]">
        {matches.map((attribute) => (
          <ListboxOption key={attribute.name} selected={false} onChoose={() => choose(attribute)} className="flex-col" testId={`segment-attribute-${attribute.name}`}>
            <Text size="small" weight="plus" leading="compact">
              {attribute.label}
            </Text>
            <Text size="xsmall" className="text-ui-fg-subtle">
              {attribute.description}
            </Text>
          </ListboxOption>
        ))}
      </Listbox>
      <div className="flex items-center gap-2 border-t px-3 py-2">
        <Input
          size="small"
          placeholder={t("customerSuite.segments.builder.metadataKey")}
          aria-label={t("customerSuite.segments.builder.metadataKey")}
          value={metadataKey}
          onChange={(e) => setMetadataKey(e.target.value)}
        />
        <Button
          type="button"
          size="small"
          variant="secondary"
          disabled={!/^[A-Za-z0-9_-]{1,100}$/.test(metadataKey)}
          onClick={() => {
            choose(attributeOf(attributes, `${METADATA_PREFIX}${metadataKey}`))
            setMetadataKey("")
          }}
        >
          {t("customerSuite.segments.builder.useMetadata")}
        </Button>
      </div>
    </SearchPopover>
  )
}
