import { model } from "@medusajs/framework/utils"

/** A staff user's grid preferences: the view the grid opens with (their own or a shared one). */
const CustomerGridPreference = model
  .define("customer_grid_preference", {
    id: model.id({ prefix: "cgpref" }).primaryKey(),
    user_id: model.text(),
    /** Null: the grid's built-in default. */
    default_view_id: model.text().nullable(),
  })
  .indexes([{ on: ["user_id"], unique: true, where: "deleted_at IS NULL" }])

export default CustomerGridPreference
