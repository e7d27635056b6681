import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124022603 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "customer_segment_membership" drop constraint if exists "customer_segment_membership_segment_id_customer_id_unique";`);
    this.addSql(`create table if not exists "customer_segment" ("id" text not null, "name" text not null, "description" text null, "kind" text check ("kind" in ('dynamic', 'static')) not null default 'dynamic', "applies_to" text check ("applies_to" in ('registered', 'guests', 'both')) not null default 'both', "status" text check ("status" in ('active', 'inactive')) not null default 'active', "rule" jsonb null, "query" text null, "attributes" text[] not null, "relative_dates" boolean not null default false, "sync_customer_group" boolean not null default false, "customer_group_id" text null, "member_count" integer not null default 0, "last_refreshed_at" timestamptz null, "last_refresh_duration_ms" integer null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "customer_segment_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_segment_deleted_at" ON "customer_segment" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_segment_status_kind" ON "customer_segment" ("status", "kind") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "customer_segment_membership" ("id" text not null, "segment_id" text not null, "customer_id" text not null, "source" text check ("source" in ('rule', 'manual')) not null default 'rule', "matched_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "customer_segment_membership_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_segment_membership_deleted_at" ON "customer_segment_membership" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_customer_segment_membership_segment_id_customer_id_unique" ON "customer_segment_membership" ("segment_id", "customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_segment_membership_customer_id" ON "customer_segment_membership" ("customer_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "customer_segment_refresh_run" ("id" text not null, "segment_id" text not null, "trigger" text check ("trigger" in ('manual', 'saved', 'schedule', 'backfill')) not null, "status" text check ("status" in ('queued', 'running', 'succeeded', 'failed')) not null default 'queued', "matched" integer not null default 0, "added" integer not null default 0, "removed" integer not null default 0, "duration_ms" integer null, "started_at" timestamptz null, "finished_at" timestamptz null, "error" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "customer_segment_refresh_run_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_segment_refresh_run_deleted_at" ON "customer_segment_refresh_run" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_segment_refresh_run_segment_id_created_at" ON "customer_segment_refresh_run" ("segment_id", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "customer_profile" add column if not exists "source_ids" text[] not null default '{}';`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_profile_source_ids" ON "customer_profile" USING GIN ("source_ids") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "customer_segment" cascade;`);

    this.addSql(`drop table if exists "customer_segment_membership" cascade;`);

    this.addSql(`drop table if exists "customer_segment_refresh_run" cascade;`);

    this.addSql(`drop index if exists "IDX_customer_profile_source_ids";`);
    this.addSql(`alter table if exists "customer_profile" drop column if exists "source_ids";`);
  }

}
