import { model } from "@medusajs/framework/utils"

/** A customer a bulk action could not apply to, and why. */
const CustomerBulkActionFailure = model
  .define("customer_bulk_action_failure", {
    id: model.id({ prefix: "cbfail" }).primaryKey(),
    bulk_action_id: model.text(),
    customer_id: model.text(),
    message: model.text(),
  })
  .indexes([{ on: ["bulk_action_id", "customer_id"], unique: true, where: "deleted_at IS NULL" }])

export default CustomerBulkActionFailure
