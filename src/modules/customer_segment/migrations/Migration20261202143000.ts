import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** last_activity_date: the customer's latest store request, kept by the presence tracker (decision 0031). */
export class Migration20261202143000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "customer_profile" add column if not exists "last_activity_at" timestamptz null;`)
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "customer_profile" drop column if exists "last_activity_at";`)
  }
}
