import type { AdminGroupPriceRule, ValuePicker } from "../../../types/http"

/** The searchable picker (shared with the segment builder) for each kind of scope. */
export const SCOPE_PICKERS: Record<Exclude<AdminGroupPriceRule["scope_type"], "all">, ValuePicker> = {
  products: "product",
  collections: "collection",
  categories: "category",
  types: "product_type",
}
