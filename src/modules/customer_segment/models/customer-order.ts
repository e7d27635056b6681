import { model } from "@medusajs/framework/utils"

/**
 * A customer's placed, not canceled order: its currency, total and date (the
 * orders customer_profile.spend adds up), so amount_spent can be summed
 * within dates. Totals are numeric, like the amounts in `spend` (jsonb
 * numbers), and compared as float8.
 */
const CustomerOrder = model
  .define("customer_order", {
    id: model.id({ prefix: "cord" }).primaryKey(),
    customer_id: model.text(),
    order_id: model.text(),
    /** Lower case. */
    currency_code: model.text(),
    total: model.bigNumber(),
    placed_at: model.dateTime(),
  })
  .indexes([
    { on: ["customer_id", "placed_at"], where: "deleted_at IS NULL" },
    { on: ["order_id"], unique: true, where: "deleted_at IS NULL" },
  ])

export default CustomerOrder
