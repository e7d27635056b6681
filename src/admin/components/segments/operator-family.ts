import type { TFunction } from "i18next"
import { negatedOperatorKey, type OperatorChoice } from "../../lib/negation"
import type { AdminCustomerSegmentAttribute as Attribute, ValueType } from "../../../types/http"

/** How the builder names an operator depends on what it compares. */
export const operatorFamily = (type: ValueType | undefined): string => {
  switch (type) {
    case "number":
    case "money":
      return "number"
    case "date":
      return "date"
    case "id_list":
    case "string_list":
      return "list"
    case "purchases":
      return "purchases"
    case "boolean":
      return "boolean"
    default:
      return "text"
  }
}

/** An operator's words, negated ones included ("is not between"); "Not: …" for a negation without words of its own. */
export function operatorWords(
  choice: Pick<OperatorChoice, "operator" | "negated">,
  family: string,
  attribute: Pick<Attribute, "operators"> | undefined,
  t: TFunction,
  known: (key: string) => boolean
): string {
  const plain = (operator: string) =>
    t(`customerSuite.segments.operators.${family}.${operator}`, {
      defaultValue: attribute?.operators.find((o) => o.operator === operator)?.text ?? operator,
    })
  if (!choice.negated) {
    return plain(choice.operator)
  }
  const key = negatedOperatorKey(family, choice.operator, known)
  return key ? t(key) : t("customerSuite.segments.summary.notPrefix", { words: plain(choice.operator) })
}
