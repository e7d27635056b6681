import type { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils"
import TaxClass from "./models/tax-class"
import TaxClassRate from "./models/tax-class-rate"

export type MatrixKey = {
  customer_class_id: string
  product_class_id: string
  country_code: string
  province_code?: string | null
}

/**
 * Tax classes and their rate matrix. Input is validated by the routes
 * (rates 0–100, known classes of the right type, ISO country codes); the
 * unique indexes refuse two rows for the same cell.
 */
export type TaxClassInput = {
  type?: "customer" | "product"
  name?: string
  code?: string
  description?: string | null
  is_default?: boolean
  metadata?: Record<string, unknown> | null
}

export default class TaxClassModuleService extends MedusaService({ TaxClass, TaxClassRate }) {
  /**
   * Creates a class; a new default replaces the type's previous default.
   * The previous default is cleared first (the database allows one default per
   * type, and one flush would insert before it updates); the workflow step
   * puts it back if anything fails.
   */
  @InjectManager()
  async createTaxClassWithDefault(data: TaxClassInput & { type: "customer" | "product" }, @MedusaContext() context: Context = {}) {
    await this.assertCodeFree_(data.type, data.code, undefined, context)
    if (data.is_default) {
      await this.clearDefault_(data.type, context)
    }
    return this.createTaxClasses(data, context)
  }

  /** Updates a class (its type is fixed); becoming the default clears the previous one first. */
  @InjectManager()
  async updateTaxClassWithDefault(id: string, data: TaxClassInput, @MedusaContext() context: Context = {}) {
    const current = await this.retrieveTaxClass(id, {}, context)
    await this.assertCodeFree_(current.type, data.code, id, context)
    if (data.is_default && !current.is_default) {
      await this.clearDefault_(current.type, context)
    }
    return this.updateTaxClasses({ id, ...data }, context)
  }

  @InjectTransactionManager()
  protected async clearDefault_(type: "customer" | "product", @MedusaContext() context: Context = {}) {
    const defaults = await this.listTaxClasses({ type, is_default: true }, {}, context)
    if (defaults.length) {
      await this.updateTaxClasses(defaults.map((d) => ({ id: d.id, is_default: false })), context)
    }
  }

  @InjectTransactionManager()
  protected async assertCodeFree_(
    type: "customer" | "product",
    code: string | undefined,
    exceptId: string | undefined,
    @MedusaContext() context: Context = {}
  ) {
    if (!code) {
      return
    }
    const [taken] = await this.listTaxClasses({ type, code }, {}, context)
    if (taken && taken.id !== exceptId) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `code: a ${type} tax class with the code "${code}" already exists (${taken.id})`)
    }
  }

  /** The matrix row for a cell: the province's row first, then the country's; null when none. */
  async findRate(key: MatrixKey) {
    const rows = await this.listTaxClassRates({
      customer_class_id: key.customer_class_id,
      product_class_id: key.product_class_id,
      country_code: key.country_code.toLowerCase(),
    })
    const province = key.province_code?.toLowerCase()
    return (province && rows.find((r) => r.province_code === province)) || rows.find((r) => r.province_code === null) || null
  }
}
