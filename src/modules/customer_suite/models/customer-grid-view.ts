import { model } from "@medusajs/framework/utils"

/**
 * A saved view of the customers grid: its filters, columns and sort. Owned by
 * one staff user; `shared` makes it visible (read-only) to every staff user.
 * `filters` holds the grid's filter object as validated by the grid route
 * (types/http/customer-grid.ts: CustomerGridFilters).
 */
const CustomerGridView = model
  .define("customer_grid_view", {
    id: model.id({ prefix: "cgview" }).primaryKey(),
    name: model.text(),
    owner_user_id: model.text(),
    shared: model.boolean().default(false),
    filters: model.json(),
    columns: model.array(),
    /** e.g. "-created_at"; null: the grid's default sort. */
    sort: model.text().nullable(),
  })
  .indexes([
    { on: ["owner_user_id"], where: "deleted_at IS NULL" },
    { on: ["shared"], where: "deleted_at IS NULL AND shared = true" },
  ])

export default CustomerGridView
