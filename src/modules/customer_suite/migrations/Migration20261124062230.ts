import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124062230 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "customer_suite_setting" drop constraint if exists "customer_suite_setting_capability_unique";`);
    this.addSql(`alter table if exists "customer_group_assignment" drop constraint if exists "customer_group_assignment_customer_id_unique";`);
    this.addSql(`create table if not exists "customer_group_assignment" ("id" text not null, "customer_id" text not null, "customer_group_id" text null, "kind" text check ("kind" in ('registered', 'guest')) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "customer_group_assignment_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_group_assignment_deleted_at" ON "customer_group_assignment" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_customer_group_assignment_customer_id_unique" ON "customer_group_assignment" ("customer_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "customer_suite_setting" ("id" text not null, "capability" text not null, "values" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "customer_suite_setting_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_suite_setting_deleted_at" ON "customer_suite_setting" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_customer_suite_setting_capability_unique" ON "customer_suite_setting" ("capability") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "customer_group_assignment" cascade;`);

    this.addSql(`drop table if exists "customer_suite_setting" cascade;`);
  }

}
