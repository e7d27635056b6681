import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124082105 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "group_price_rule" ("id" text not null, "name" text not null, "customer_group_id" text not null, "adjustment_type" text check ("adjustment_type" in ('percentage', 'fixed_off', 'fixed_price')) not null, "percentage" real null, "amounts" jsonb null, "scope_type" text check ("scope_type" in ('all', 'products', 'collections', 'categories', 'types')) not null default 'all', "scope_ids" jsonb null, "tiers" jsonb null, "priority" integer not null default 0, "starts_at" timestamptz null, "ends_at" timestamptz null, "status" text check ("status" in ('active', 'inactive')) not null default 'active', "price_list_id" text null, "synced_at" timestamptz null, "sync_summary" jsonb null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "group_price_rule_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_group_price_rule_deleted_at" ON "group_price_rule" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_group_price_rule_customer_group_id" ON "group_price_rule" ("customer_group_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "group_price_rule" cascade;`);
  }

}
