import type { ScopeType } from "../../lib/types/group-pricing"
import type { ValuePicker } from "../../lib/types/segments"

/** The searchable picker (shared with the segment builder) for each kind of scope. */
export const SCOPE_PICKERS: Record<Exclude<ScopeType, "all">, ValuePicker> = {
  products: "product",
  collections: "collection",
  categories: "category",
  types: "product_type",
}
