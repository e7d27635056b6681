import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202065642 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "customer_profile" add column if not exists "audience_ids" text[] not null default '{}';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "customer_profile" drop column if exists "audience_ids";`);
  }

}
