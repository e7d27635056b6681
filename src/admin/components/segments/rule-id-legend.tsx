import { Text } from "@medusajs/ui"
import { useMemo } from "react"
import { useTranslation } from "react-i18next"
import { useAttributes } from "../../hooks/api/segments"
import { usePickerLabels } from "../../hooks/api/pickers"
import type { DraftRule, DraftCondition } from "../../lib/rule-model"
import type { ValuePicker } from "../../../types/http"
import { attributeOf } from "./attribute-select"
import { idsOf } from "./rule-summary"

/** Pickers whose values are opaque ids (country codes read well as they are). */
const NAMED: readonly Exclude<ValuePicker, "country">[] = ["customer_group", "segment", "audience", "product", "collection", "category", "product_type"]

const conditionsOf = (node: DraftRule | null | undefined): DraftCondition[] =>
  !node ? [] : "not" in node ? conditionsOf(node.not) : "all" in node ? node.all.flatMap(conditionsOf) : "any" in node ? node.any.flatMap(conditionsOf) : [node]

/**
 * Under a rule's text: the name of each id it holds ("cusgroup_01… = VIP"),
 * the names the builder shows. The text itself stays what the parser reads.
 */
export const RuleIdLegend = ({ rule }: { rule: DraftRule | null | undefined }) => {
  const { t } = useTranslation()
  const attributes = useAttributes()
  const byPicker = useMemo(() => {
    const ids = new Map<ValuePicker, Set<string>>()
    for (const condition of conditionsOf(rule)) {
      const { picker, ids: found } = idsOf(attributeOf(attributes.data?.attributes ?? [], condition.attribute), condition.value)
      if (picker && picker !== "country") {
        found.forEach((id) => ids.set(picker, (ids.get(picker) ?? new Set()).add(id)))
      }
    }
    return ids
  }, [rule, attributes.data])
  const idList = (picker: ValuePicker) => [...(byPicker.get(picker) ?? [])]
  // One query per picker, in a fixed order (hooks).
  const labels = [
    usePickerLabels("customer_group", idList("customer_group")),
    usePickerLabels("segment", idList("segment")),
    usePickerLabels("audience", idList("audience")),
    usePickerLabels("product", idList("product")),
    usePickerLabels("collection", idList("collection")),
    usePickerLabels("category", idList("category")),
    usePickerLabels("product_type", idList("product_type")),
  ]
  const entries = NAMED.flatMap((picker, i) => idList(picker).map((id) => ({ picker, id, name: labels[i].data?.[id] })))
  if (!entries.length) {
    return null
  }
  return (
    <div className="flex flex-col gap-y-1" data-testid="segment-rule-names" aria-live="polite">
      <Text size="xsmall" weight="plus" className="text-ui-fg-subtle">
        {t("customerSuite.segments.form.namesTitle")}
      </Text>
      <ul className="flex flex-col gap-y-0.5">
        {entries.map(({ picker, id, name }) => (
          <li key={`${picker}:${id}`} className="txt-compact-xsmall text-ui-fg-subtle" data-testid="segment-rule-name" data-id={id}>
            <code className="text-ui-fg-muted font-mono">{id}</code>
            {" = "}
            <span className="text-ui-fg-base font-medium">{name ?? t("customerSuite.segments.form.nameUnknown")}</span>{" "}
            ({t(`customerSuite.segments.form.idKind.${picker}`)})
          </li>
        ))}
      </ul>
    </div>
  )
}
