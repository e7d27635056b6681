import type { InferTypeOf } from "@medusajs/framework/types"
import type { z } from "@medusajs/framework/zod"
import type {
  AdminCreateTaxClassRate,
  AdminGetTaxClassRatesParams,
  AdminUpdateTaxClassRate,
} from "../../api/admin/tax-class-rates/validators"
import type { AdminCreateTaxClass, AdminGetTaxClassesParams, AdminSetTaxClass, AdminUpdateTaxClass } from "../../api/admin/tax-classes/validators"
import type TaxClass from "../../modules/tax_class/models/tax-class"
import type TaxClassRate from "../../modules/tax_class/models/tax-class-rate"
import type { ApiRow, DeleteResponse, PaginatedResponse } from "./common"

/** A customer or product tax class. */
export type AdminTaxClass = ApiRow<InferTypeOf<typeof TaxClass>>
/** A row of the rate matrix. */
export type AdminTaxClassRate = ApiRow<InferTypeOf<typeof TaxClassRate>>

/** GET /admin/tax-classes */
export type AdminTaxClassListParams = z.input<typeof AdminGetTaxClassesParams>
/** POST /admin/tax-classes */
export type AdminCreateTaxClassBody = z.input<typeof AdminCreateTaxClass>
/** POST /admin/tax-classes/:id */
export type AdminUpdateTaxClassBody = z.input<typeof AdminUpdateTaxClass>

export type AdminTaxClassResponse = { tax_class: AdminTaxClass }
export type AdminTaxClassListResponse = PaginatedResponse<{ tax_classes: AdminTaxClass[] }>
export type AdminTaxClassDeleteResponse = DeleteResponse<"tax_class">

/** GET /admin/tax-class-rates */
export type AdminTaxClassRateListParams = z.input<typeof AdminGetTaxClassRatesParams>
/** POST /admin/tax-class-rates */
export type AdminCreateTaxClassRateBody = z.input<typeof AdminCreateTaxClassRate>
/** POST /admin/tax-class-rates/:id */
export type AdminUpdateTaxClassRateBody = z.input<typeof AdminUpdateTaxClassRate>

export type AdminTaxClassRateResponse = { tax_class_rate: AdminTaxClassRate }
export type AdminTaxClassRateListResponse = PaginatedResponse<{ tax_class_rates: AdminTaxClassRate[] }>
export type AdminTaxClassRateDeleteResponse = DeleteResponse<"tax_class_rate">

/** POST /admin/customer-groups/:id/tax-class and /admin/products/:id/tax-class: `null` removes the class. */
export type AdminSetTaxClassBody = z.input<typeof AdminSetTaxClass>
/** GET /admin/customer-groups/:id/tax-class and /admin/products/:id/tax-class: null when none (the default applies). */
export type AdminLinkedTaxClassResponse = { tax_class: AdminTaxClass | null }
/** The owner's tax class after a change. */
export type AdminTaxClassLink = { id: string; tax_class_id: string | null }
export type AdminCustomerGroupTaxClassResponse = { customer_group: AdminTaxClassLink }
export type AdminProductTaxClassResponse = { product: AdminTaxClassLink }
