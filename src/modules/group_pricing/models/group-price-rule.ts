import { model } from "@medusajs/framework/utils"
import type { Amounts, SyncSummary, Tier } from "../compute"

/**
 * A group pricing rule: members of a customer group pay an adjusted price on
 * the products in scope, optionally better at higher quantities. The rule is
 * materialised into one native price list (rule `customer.groups.id`), so
 * Medusa's own pricing engine prices carts; `price_list_id` is that list.
 */
const GroupPriceRule = model
  .define("group_price_rule", {
    id: model.id({ prefix: "gpr" }).primaryKey(),
    name: model.text(),
    customer_group_id: model.text(),
    /** percentage: `percentage` off; fixed_off: `amounts[currency]` off; fixed_price: `amounts[currency]` is the price. */
    adjustment_type: model.enum(["percentage", "fixed_off", "fixed_price"]),
    percentage: model.float().nullable(),
    /** Per currency (lower-case ISO 4217), in the currency's main unit, e.g. { "eur": 5 }. */
    amounts: model.json<Amounts>().nullable(),
    /** all, or the products / collections / categories / types listed in `scope_ids`. */
    scope_type: model.enum(["all", "products", "collections", "categories", "types"]).default("all"),
    scope_ids: model.json<string[]>().nullable(),
    /** Quantity tiers, by ascending min_quantity: [{ min_quantity, percentage? , amounts? }]. */
    tiers: model.json<Tier[]>().nullable(),
    /** Higher wins where two active rules of a group cover the same variant. */
    priority: model.number().default(0),
    starts_at: model.dateTime().nullable(),
    ends_at: model.dateTime().nullable(),
    status: model.enum(["active", "inactive"]).default("active"),
    price_list_id: model.text().nullable(),
    /** When the price list last matched the rule, and what that sync wrote. */
    synced_at: model.dateTime().nullable(),
    sync_summary: model.json<SyncSummary>().nullable(),
    metadata: model.json().nullable(),
  })
  .indexes([{ on: ["customer_group_id"], where: "deleted_at IS NULL" }])

export default GroupPriceRule
