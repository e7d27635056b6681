import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202064315 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "audience_member" drop constraint if exists "audience_member_audience_id_customer_id_unique";`);
    this.addSql(`create table if not exists "audience_member" ("id" text not null, "audience_id" text not null, "customer_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "audience_member_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_audience_member_deleted_at" ON "audience_member" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_audience_member_audience_id_customer_id_unique" ON "audience_member" ("audience_id", "customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_audience_member_customer_id" ON "audience_member" ("customer_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "audience_member" cascade;`);
  }

}
