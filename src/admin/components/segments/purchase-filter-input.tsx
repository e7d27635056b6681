import { Input, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import type { PurchaseFilter, ValuePicker } from "../../../types/http"
import { OptionSelect } from "../common/option-select"
import { ValuePickerInput } from "../common/value-picker-input"
import { WindowInput } from "./date-value-input"
import type { ValueInputProps } from "./value-input-props"

const FILTER_KEYS: { key: keyof PurchaseFilter; picker: ValuePicker }[] = [
  { key: "product_ids", picker: "product" },
  { key: "collection_ids", picker: "collection" },
  { key: "category_ids", picker: "category" },
  { key: "type_ids", picker: "product_type" },
]

/** Products (or collections, categories, types) bought or in the cart, a least quantity and, for purchases, dates. */
export const PurchaseFilterInput = ({ attribute, value, onChange, invalid, testId }: Omit<ValueInputProps, "operator">) => {
  const { t } = useTranslation()
  const filter = (value ?? {}) as PurchaseFilter
  const by = FILTER_KEYS.find((f) => filter[f.key] !== undefined) ?? FILTER_KEYS[0]
  const ids = (filter[by.key] as string[] | undefined) ?? []
  const set = (patch: Partial<PurchaseFilter>) => {
    const next = { ...filter, ...patch }
    for (const key of Object.keys(next) as (keyof PurchaseFilter)[]) {
      if (next[key] === undefined) {
        delete next[key]
      }
    }
    onChange(next)
  }
  return (
    <div className="flex flex-col gap-2" data-testid={testId}>
      <div className="flex flex-wrap items-center gap-1">
        <OptionSelect
          size="small"
          className="w-36"
          label={t("customerSuite.segments.purchases.by")}
          value={by.key}
          onValueChange={(key) => {
            const next: PurchaseFilter = { ...filter }
            for (const f of FILTER_KEYS) {
              delete next[f.key]
            }
            onChange({ ...next, [key]: [] })
          }}
          options={FILTER_KEYS.map((f) => ({ value: f.key, label: t(`customerSuite.segments.purchases.${f.picker}`) }))}
        />
        <ValuePickerInput picker={by.picker} value={ids} invalid={invalid} onChange={(next) => set({ [by.key]: next })} testId={testId ? `${testId}-picker` : undefined} />
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Text size="small" className="text-ui-fg-subtle">
          {t("customerSuite.segments.purchases.minQuantity")}
        </Text>
        <Input
          size="small"
          type="number"
          min={1}
          className="w-20"
          aria-label={t("customerSuite.segments.purchases.minQuantity")}
          value={filter.min_quantity ?? ""}
          placeholder="1"
          onChange={(e) => set({ min_quantity: e.target.value === "" ? undefined : Number(e.target.value) })}
        />
        {attribute.name !== "cart_products" && <WindowInput since={filter.since} until={filter.until} onChange={(since, until) => set({ since, until })} testId={testId} />}
      </div>
    </div>
  )
}
