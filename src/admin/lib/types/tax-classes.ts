import type { AdminTaxClass, AdminTaxClassRateListParams } from "../../../types/http"
import { allValues } from "../all-values"

/**
 * The tax class values the admin offers as options, the matrix's filters,
 * and where a class is linked (the API's shapes are src/types/http's:
 * AdminTaxClass, AdminTaxClassRate and the rest).
 */

export const TAX_CLASS_TYPES = allValues<AdminTaxClass["type"]>()(["customer", "product"])
export type TaxClassType = (typeof TAX_CLASS_TYPES)[number]

/** The matrix's filters (the rows' query without its page). */
export type TaxClassRateFilters = Pick<AdminTaxClassRateListParams, "customer_class_id" | "product_class_id" | "country_code">

/** A customer group or a product: where its class is read and written. */
export type TaxClassOwner = { kind: "customer_group" | "product"; id: string }
