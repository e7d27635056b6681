import { model } from "@medusajs/framework/utils"

/**
 * One row of the rate matrix: for a customer class, a product class and a
 * country (optionally a province), the rate that applies, or exempt. Where no
 * row matches, the region's normal rates apply.
 */
const TaxClassRate = model
  .define("tax_class_rate", {
    id: model.id({ prefix: "txcr" }).primaryKey(),
    customer_class_id: model.text(),
    product_class_id: model.text(),
    /** ISO 3166-1 alpha-2, lower case. */
    country_code: model.text(),
    /** Lower case, e.g. "us-ca"; null: the whole country. */
    province_code: model.text().nullable(),
    /** Percent, 0–100; ignored when exempt. */
    rate: model.float().nullable(),
    is_exempt: model.boolean().default(false),
    /** Tax code shown on tax lines, e.g. "VAT-REDUCED". */
    code: model.text().nullable(),
    name: model.text().nullable(),
  })
  .indexes([
    {
      on: ["customer_class_id", "product_class_id", "country_code"],
      unique: true,
      where: "deleted_at IS NULL AND province_code IS NULL",
      name: "IDX_tax_class_rate_country_unique",
    },
    {
      on: ["customer_class_id", "product_class_id", "country_code", "province_code"],
      unique: true,
      where: "deleted_at IS NULL AND province_code IS NOT NULL",
      name: "IDX_tax_class_rate_province_unique",
    },
  ])

export default TaxClassRate
