import { model } from "@medusajs/framework/utils"

/**
 * What a customer bought: one row per order and product (quantities of the
 * order's lines for that product added), with the product's collection,
 * categories and type at the time, and the order's date, so purchase rules
 * can filter by product, collection, category, type and dates.
 */
const CustomerPurchase = model
  .define("customer_purchase", {
    id: model.id({ prefix: "cpur" }).primaryKey(),
    customer_id: model.text(),
    order_id: model.text(),
    product_id: model.text(),
    collection_id: model.text().nullable(),
    category_ids: model.array(),
    type_id: model.text().nullable(),
    quantity: model.number(),
    purchased_at: model.dateTime(),
  })
  .indexes([
    { on: ["customer_id", "product_id"], where: "deleted_at IS NULL" },
    { on: ["order_id", "product_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["collection_id"], where: "deleted_at IS NULL" },
  ])

export default CustomerPurchase
