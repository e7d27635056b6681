import type { ValueType } from "../../../types/http"

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
