import type { MatrixRow } from "../../../providers/tax-class/apply-matrix"

/**
 * The tax-class API as the admin reads it (src/api/admin/tax-classes,
 * tax-class-rates): the admin's own types until they come from src/types/http.
 */

export const TAX_CLASS_TYPES = ["customer", "product"] as const
export type TaxClassType = (typeof TAX_CLASS_TYPES)[number]

export type TaxClass = {
  id: string
  type: TaxClassType
  name: string
  code: string
  description: string | null
  is_default: boolean
  created_at: string
  updated_at: string
}

export type TaxClassInput = {
  name?: string
  code?: string
  description?: string | null
  is_default?: boolean
}

/** A matrix row, as the API answers it (the provider's own row type). */
export type TaxClassRate = MatrixRow

export type TaxClassRateInput = Omit<MatrixRow, "id">

/** What an existing row can change (its cell, the classes and place, is fixed). */
export type TaxClassRateUpdate = Pick<TaxClassRateInput, "rate" | "is_exempt" | "code" | "name">

export type TaxClassRateFilters = {
  customer_class_id?: string
  product_class_id?: string
  country_code?: string
}

/** A customer group or a product: where its class is read and written. */
export type TaxClassOwner = { kind: "customer_group" | "product"; id: string }
