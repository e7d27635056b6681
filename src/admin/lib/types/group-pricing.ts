import type { AdminGroupPriceRule } from "../../../types/http"
import { allValues } from "../all-values"

/**
 * The group pricing values the admin offers as options, in its order (the
 * API's shapes are src/types/http's: AdminGroupPriceRule and the rest).
 */
export const ADJUSTMENT_TYPES = allValues<AdminGroupPriceRule["adjustment_type"]>()(["percentage", "fixed_off", "fixed_price"])
export const SCOPE_TYPES = allValues<AdminGroupPriceRule["scope_type"]>()(["all", "products", "collections", "categories", "types"])
export const RULE_STATUSES = allValues<AdminGroupPriceRule["status"]>()(["active", "inactive"])
