import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202064942 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "audience_batch" drop constraint if exists "audience_batch_source_id_batch_id_unique";`);
    this.addSql(`alter table if exists "audience" drop constraint if exists "audience_source_id_external_id_unique";`);
    this.addSql(`create table if not exists "audience" ("id" text not null, "source_id" text not null, "external_id" text not null, "name" text not null, "member_count" integer not null default 0, "last_batch_at" timestamptz null, "sync_customer_group" boolean not null default false, "customer_group_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "audience_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_audience_deleted_at" ON "audience" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_audience_source_id_external_id_unique" ON "audience" ("source_id", "external_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_audience_customer_group_id" ON "audience" ("customer_group_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "audience_batch" ("id" text not null, "source_id" text not null, "batch_id" text not null, "audience_id" text not null, "external_audience_id" text not null, "sent_at" timestamptz not null, "added" integer not null default 0, "removed" integer not null default 0, "unchanged" integer not null default 0, "unknown" integer not null default 0, "unknown_samples" jsonb not null, "result" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "audience_batch_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_audience_batch_deleted_at" ON "audience_batch" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_audience_batch_source_id_batch_id_unique" ON "audience_batch" ("source_id", "batch_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_audience_batch_source_id_created_at" ON "audience_batch" ("source_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_audience_batch_audience_id_created_at" ON "audience_batch" ("audience_id", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "audience_source" ("id" text not null, "name" text not null, "secret_encrypted" text not null, "secret_hint" text not null, "previous_secret_encrypted" text null, "previous_secret_expires_at" timestamptz null, "secret_rotated_at" timestamptz null, "last_batch_at" timestamptz null, "last_error" text null, "last_error_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "audience_source_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_audience_source_deleted_at" ON "audience_source" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_audience_source_name" ON "audience_source" ("name") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "audience" cascade;`);

    this.addSql(`drop table if exists "audience_batch" cascade;`);

    this.addSql(`drop table if exists "audience_source" cascade;`);
  }

}
