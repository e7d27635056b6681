import { model } from "@medusajs/framework/utils"

/**
 * A tax class: `customer` classes are given to customer groups (Retail,
 * Wholesale exempt), `product` classes to products (Taxable goods, Reduced
 * rate). One default per type applies where nothing is linked.
 */
const TaxClass = model
  .define("tax_class", {
    id: model.id({ prefix: "txcl" }).primaryKey(),
    type: model.enum(["customer", "product"]),
    name: model.text(),
    /** Short stable handle, e.g. "wholesale"; unique per type. */
    code: model.text(),
    description: model.text().nullable(),
    is_default: model.boolean().default(false),
    metadata: model.json().nullable(),
  })
  .indexes([
    { on: ["type", "code"], unique: true, where: "deleted_at IS NULL" },
    { on: ["type"], unique: true, where: "deleted_at IS NULL AND is_default = true", name: "IDX_tax_class_one_default_per_type" },
  ])

export default TaxClass
