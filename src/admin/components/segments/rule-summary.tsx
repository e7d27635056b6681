import { Text } from "@medusajs/ui"
import type { TFunction } from "i18next"
import { useTranslation } from "react-i18next"
import { formatDate, formatMoney } from "../../lib/format"
import { useAttributes } from "../../hooks/api/segments"
import { usePickerLabels } from "../../hooks/api/pickers"
import type { AdminCustomerSegmentAttribute as Attribute, MoneyValue, PurchaseFilter, RuleNode, ValuePicker } from "../../../types/http"
import { idPickerOf, type DraftCondition } from "../../lib/rule-model"
import { attributeOf } from "./attribute-select"
import { negatedOperatorKey } from "../../lib/negation"
import { operatorFamily, operatorWords } from "./operator-family"

type Filter = PurchaseFilter & Record<string, unknown>

const RELATIVE = /^-(\d{1,4})([dwmy])$/

/** "-90d" → "90 days ago", "today", "2026-01-31" → a formatted day. */
export function describeDate(value: string, t: TFunction): string {
  if (value === "today") {
    return t("customerSuite.segments.dates.today")
  }
  const relative = RELATIVE.exec(value)
  if (relative) {
    return t(`customerSuite.segments.dates.ago_${relative[2]}`, { count: Number(relative[1]) })
  }
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(`${value}T00:00:00Z`) : value
}

const FILTER_PICKERS: Record<string, ValuePicker> = {
  product_ids: "product",
  collection_ids: "collection",
  category_ids: "category",
  type_ids: "product_type",
}

/** The ids a condition's value holds, and the picker that names them. */
export const idsOf = (attribute: Attribute | undefined, value: unknown): { picker?: ValuePicker; ids: string[] } => {
  if (attribute?.type === "purchases" && value && typeof value === "object") {
    const key = Object.keys(FILTER_PICKERS).find((k) => Array.isArray((value as Filter)[k]))
    return key ? { picker: FILTER_PICKERS[key], ids: (value as Filter)[key] as string[] } : { ids: [] }
  }
  const picker = idPickerOf(attribute)
  return picker ? { picker, ids: (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === "string") } : { ids: [] }
}

/**
 * One condition in words, e.g. "Amount spent is more than €500.00 since 90
 * days ago"; negated: "Email is not “a@b.c”", "Number of orders is not
 * between 1 and 5" (lib/negation), "Not: …" only where there are no such words.
 */
export const ConditionText = ({ condition, negated = false }: { condition: DraftCondition; negated?: boolean }) => {
  const { t, i18n } = useTranslation()
  const attributes = useAttributes()
  const attribute = attributeOf(attributes.data?.attributes ?? [], condition.attribute)
  const { picker, ids } = idsOf(attribute, condition.value)
  const labels = usePickerLabels(picker, ids)
  const label = (id: string) => labels.data?.[id] ?? id
  const family = operatorFamily(attribute?.type)
  const wordless = negated && !negatedOperatorKey(family, condition.operator, i18n.exists)
  const operator = operatorWords({ operator: condition.operator, negated: negated && !wordless }, family, attribute, t, i18n.exists)
  const value = describeValue(attribute, condition, label, t)
  return (
    <span data-testid="segment-condition-text">
      {wordless && <span className="font-medium">{t("customerSuite.segments.summary.not")} </span>}
      <span className="font-medium">{attribute?.label ?? condition.attribute}</span> {operator}
      {value && <> {value}</>}
    </span>
  )
}

function describeValue(attribute: Attribute | undefined, condition: DraftCondition, label: (id: string) => string, t: TFunction): string {
  const { operator, value } = condition
  if (operator === "exists" || operator === "not_exists" || value === undefined) {
    return ""
  }
  const joinOr = (items: string[]) => items.join(operator === "in" || operator === "not_in" ? t("customerSuite.segments.summary.orSep") : ", ")
  const one = (v: unknown): string => {
    if (v && typeof v === "object" && "currency_code" in (v as MoneyValue)) {
      const money = v as MoneyValue
      return formatMoney(Number(money.amount), money.currency_code)
    }
    if (attribute?.type === "date" && typeof v === "string") {
      return describeDate(v, t)
    }
    if (idPickerOf(attribute)) {
      return label(String(v))
    }
    if (typeof v === "boolean") {
      return v ? t("customerSuite.common.yes") : t("customerSuite.common.no")
    }
    return typeof v === "string" ? `“${v}”` : String(v)
  }
  const windowOf = (m: { since?: string; until?: string }) =>
    [
      m.since ? t("customerSuite.segments.summary.since", { date: describeDate(m.since, t) }) : "",
      m.until ? t("customerSuite.segments.summary.until", { date: describeDate(m.until, t) }) : "",
    ]
      .filter(Boolean)
      .join(" ")
  if (attribute?.type === "purchases" && value && typeof value === "object") {
    const filter = value as Filter
    const key = Object.keys(FILTER_PICKERS).find((k) => Array.isArray(filter[k]))
    const names = key ? (filter[key] as string[]).map(label) : []
    return [
      t(`customerSuite.segments.summary.filter_${key ?? "product_ids"}`, { names: names.join(t("customerSuite.segments.summary.orSep")) }),
      filter.min_quantity && filter.min_quantity > 1 ? t("customerSuite.segments.summary.minQuantity", { count: filter.min_quantity }) : "",
      windowOf(filter),
    ]
      .filter(Boolean)
      .join(" ")
  }
  if (Array.isArray(value)) {
    if (operator === "between") {
      const text = t("customerSuite.segments.summary.between", { from: one(value[0]), to: one(value[1]) })
      return value[0] && typeof value[0] === "object" ? `${text} ${windowOf(value[0] as MoneyValue)}`.trim() : text
    }
    return joinOr(value.map(one))
  }
  const text = one(value)
  return value && typeof value === "object" ? `${text} ${windowOf(value as MoneyValue)}`.trim() : text
}

/** A rule in words: nested lists of "all of" / "any of" with each condition spelled out. */
export const RuleSummary = ({ rule }: { rule: RuleNode }) => (
  <div className="text-ui-fg-subtle txt-small" data-testid="segment-rule-summary">
    <NodeText node={rule} negated={false} />
  </div>
)

const NodeText = ({ node, negated }: { node: RuleNode; negated: boolean }) => {
  const { t } = useTranslation()
  if ("not" in node) {
    return <NodeText node={node.not} negated={!negated} />
  }
  if ("all" in node || "any" in node) {
    const op = "all" in node ? "all" : "any"
    const children = "all" in node ? node.all : node.any
    return (
      <div>
        <Text size="small" weight="plus">
          {t(`customerSuite.segments.summary.${negated ? "not_" : ""}${op}`)}
        </Text>
        <ul className="ml-4 list-disc">
          {children.map((child, i) => (
            <li key={i}>
              <NodeText node={child} negated={false} />
            </li>
          ))}
        </ul>
      </div>
    )
  }
  return <ConditionText condition={node} negated={negated} />
}
