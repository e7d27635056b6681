import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261203150000 extends Migration {

  override async up(): Promise<void> {
    // Indexes of the projection a backfill into an empty projection builds at its end (decision 0060).
    this.addSql(`alter table if exists "customer_facts_backfill" add column if not exists "deferred_indexes" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "customer_facts_backfill" drop column if exists "deferred_indexes";`);
  }

}
