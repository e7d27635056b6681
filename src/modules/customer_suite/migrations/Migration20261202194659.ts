import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202194659 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "customer_grid_preference" drop constraint if exists "customer_grid_preference_user_id_unique";`);
    this.addSql(`alter table if exists "customer_bulk_action_failure" drop constraint if exists "customer_bulk_action_failure_bulk_action_id_customer_id_unique";`);
    this.addSql(`create table if not exists "customer_bulk_action" ("id" text not null, "action" text check ("action" in ('add_to_group', 'remove_from_group', 'add_to_segment', 'remove_from_segment', 'send_password_reset', 'unlock', 'end_sessions', 'delete')) not null, "params" jsonb not null, "selection" jsonb not null, "status" text check ("status" in ('queued', 'running', 'completed', 'failed', 'canceled')) not null default 'queued', "user_id" text not null, "total" integer not null default 0, "processed" integer not null default 0, "succeeded" integer not null default 0, "failed" integer not null default 0, "cursor" text null, "lease_until" timestamptz null, "started_at" timestamptz null, "finished_at" timestamptz null, "error" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "customer_bulk_action_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_bulk_action_deleted_at" ON "customer_bulk_action" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_bulk_action_status" ON "customer_bulk_action" ("status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_bulk_action_user_id_created_at" ON "customer_bulk_action" ("user_id", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "customer_bulk_action_failure" ("id" text not null, "bulk_action_id" text not null, "customer_id" text not null, "message" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "customer_bulk_action_failure_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_bulk_action_failure_deleted_at" ON "customer_bulk_action_failure" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_customer_bulk_action_failure_bulk_action_id_customer_id_unique" ON "customer_bulk_action_failure" ("bulk_action_id", "customer_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "customer_grid_preference" ("id" text not null, "user_id" text not null, "default_view_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "customer_grid_preference_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_grid_preference_deleted_at" ON "customer_grid_preference" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_customer_grid_preference_user_id_unique" ON "customer_grid_preference" ("user_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "customer_grid_view" ("id" text not null, "name" text not null, "owner_user_id" text not null, "shared" boolean not null default false, "filters" jsonb not null, "columns" text[] not null, "sort" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "customer_grid_view_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_grid_view_deleted_at" ON "customer_grid_view" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_grid_view_owner_user_id" ON "customer_grid_view" ("owner_user_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_grid_view_shared" ON "customer_grid_view" ("shared") WHERE deleted_at IS NULL AND shared = true;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "customer_bulk_action" cascade;`);

    this.addSql(`drop table if exists "customer_bulk_action_failure" cascade;`);

    this.addSql(`drop table if exists "customer_grid_preference" cascade;`);

    this.addSql(`drop table if exists "customer_grid_view" cascade;`);
  }

}
