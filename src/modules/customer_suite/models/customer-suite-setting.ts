import { model } from "@medusajs/framework/utils"

/**
 * Settings changed in the admin, one row per capability: `values` holds only
 * the overridden keys, merged over the merchant's plugin options.
 */
const CustomerSuiteSetting = model
  .define("customer_suite_setting", {
    id: model.id({ prefix: "csset" }).primaryKey(),
    capability: model.text(),
    values: model.json(),
  })
  .indexes([{ on: ["capability"], unique: true, where: "deleted_at IS NULL" }])

export default CustomerSuiteSetting
