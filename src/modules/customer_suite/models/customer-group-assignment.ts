import { model } from "@medusajs/framework/utils"

/**
 * Customers the plugin has put in their default (or guest) group: each
 * customer once, ever, so repeated events and later setting changes never
 * move a customer.
 */
const CustomerGroupAssignment = model
  .define("customer_group_assignment", {
    id: model.id({ prefix: "cgasg" }).primaryKey(),
    customer_id: model.text(),
    /** Null: no group was configured when the customer was created. */
    customer_group_id: model.text().nullable(),
    kind: model.enum(["registered", "guest"]),
  })
  .indexes([{ on: ["customer_id"], unique: true, where: "deleted_at IS NULL" }])

export default CustomerGroupAssignment
