import { model } from "@medusajs/framework/utils"

/**
 * The facts segment rules read, one row per customer (rules/facts.ts).
 * Kept current by subscribers and rebuilt by the backfill; rules compile to
 * SQL over this table and customer_purchase only.
 */
const CustomerProfile = model
  .define("customer_profile", {
    id: model.id({ prefix: "cprof" }).primaryKey(),
    customer_id: model.text(),
    /** Folded (rules/fold.ts), like every text column rules compare without case. */
    email: model.text().nullable(),
    /** The folded part of the email after its last "@" (null without one). */
    email_domain: model.text().nullable(),
    first_name: model.text().nullable(),
    first_name_folded: model.text().nullable(),
    last_name: model.text().nullable(),
    last_name_folded: model.text().nullable(),
    has_account: model.boolean().default(false),
    customer_added_at: model.dateTime().nullable(),
    group_ids: model.array(),
    /**
     * Ids of the customer's addresses and group memberships: their deletion
     * events carry only these ids, and this column maps them back to the customer.
     */
    source_ids: model.array(),
    /** Folded ISO 3166-1 alpha-2 codes of the saved addresses. */
    countries: model.array(),
    /** Folded. */
    provinces: model.array(),
    /** Folded. */
    cities: model.array(),
    /** Placed, not canceled orders, all currencies. */
    orders_count: model.number().default(0),
    /** { [currency_code]: { amount, orders } }: order totals per currency, never added across currencies. */
    spend: model.json(),
    first_order_at: model.dateTime().nullable(),
    last_order_at: model.dateTime().nullable(),
    metadata: model.json().nullable(),
    /** The metadata with its string values folded (CONTAINS / STARTS WITH read these). */
    metadata_folded: model.json().nullable(),
    /** Last activity (ISO 8601, UTC) of each cart with items the customer has not completed. */
    open_carts: model.array().default([]),
    /** Ids of the audiences (personalization module) the customer is in, sorted. */
    audience_ids: model.array().default([]),
    /** The customer's latest store request (Now Online's presence, at most a minute behind): last_activity_date. */
    last_activity_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["customer_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["last_order_at"], where: "deleted_at IS NULL" },
    { on: ["orders_count"], where: "deleted_at IS NULL" },
    { on: ["email_domain"], where: "deleted_at IS NULL" },
    { on: ["source_ids"], type: "GIN", where: "deleted_at IS NULL" },
  ])

export default CustomerProfile
