import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * The customers grid's indexes over the facts projection (docs/decisions/0041).
 * Each sort's key with the customer id as its tiebreaker, in the byte order of
 * the "C" collation so that the order (and the keyset cursors) never depend on
 * the database's locale; the keys are the same expressions the grid's SQL
 * sorts by (src/workflows/customer-grid/utils/grid-query.ts). GIN indexes for
 * the "any of" list filters. Hand-written: the model language cannot express
 * expression keys or collations.
 */
const INDEXES: [string, string][] = [
  ["IDX_cprof_grid_created", `(coalesce("customer_added_at", '-infinity'::timestamptz), "customer_id" collate "C")`],
  ["IDX_cprof_grid_email", `((coalesce("email", '') collate "C"), "customer_id" collate "C")`],
  ["IDX_cprof_grid_last_name", `((coalesce("last_name_folded", '') collate "C"), "customer_id" collate "C")`],
  ["IDX_cprof_grid_orders", `("orders_count", "customer_id" collate "C")`],
  ["IDX_cprof_grid_last_order", `(coalesce("last_order_at", '-infinity'::timestamptz), "customer_id" collate "C")`],
  ["IDX_cprof_grid_last_activity", `(coalesce("last_activity_at", '-infinity'::timestamptz), "customer_id" collate "C")`],
  ["IDX_cprof_grid_id", `(("customer_id" collate "C"))`],
  // The online and last-activity filters compare the plain column.
  ["IDX_cprof_grid_last_activity_at", `("last_activity_at")`],
  // Search: prefixes of the folded email, names and full name (LIKE 'abc%', whatever the locale).
  ["IDX_cprof_grid_email_prefix", `("email" text_pattern_ops)`],
  ["IDX_cprof_grid_first_name_prefix", `("first_name_folded" text_pattern_ops)`],
  ["IDX_cprof_grid_last_name_prefix", `("last_name_folded" text_pattern_ops)`],
  ["IDX_cprof_grid_full_name_prefix", `((coalesce("first_name_folded", '') || ' ' || coalesce("last_name_folded", '')) text_pattern_ops)`],
]
const GIN_INDEXES: [string, string][] = [
  ["IDX_cprof_grid_group_ids", "group_ids"],
  ["IDX_cprof_grid_countries", "countries"],
  ["IDX_cprof_grid_audience_ids", "audience_ids"],
]

export class Migration20261202200000 extends Migration {
  override async up(): Promise<void> {
    for (const [name, key] of INDEXES) {
      this.addSql(`create index if not exists "${name}" on "customer_profile" ${key} where "deleted_at" is null;`)
    }
    for (const [name, column] of GIN_INDEXES) {
      this.addSql(`create index if not exists "${name}" on "customer_profile" using gin ("${column}") where "deleted_at" is null;`)
    }
  }

  override async down(): Promise<void> {
    for (const [name] of [...INDEXES, ...GIN_INDEXES]) {
      this.addSql(`drop index if exists "${name}";`)
    }
  }
}
