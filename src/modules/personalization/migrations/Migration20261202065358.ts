import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202065358 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "content_block_stat" drop constraint if exists "content_block_stat_block_id_day_type_segment_id_unique";`);
    this.addSql(`alter table if exists "content_block_event" drop constraint if exists "content_block_event_shopper_key_block_id_type_hour_unique";`);
    this.addSql(`create table if not exists "content_block" ("id" text not null, "name" text not null, "placement" text not null, "format" text check ("format" in ('html', 'markdown', 'json')) not null default 'html', "content" text not null, "image_url" text null, "link_url" text null, "shopper_kind" text check ("shopper_kind" in ('all', 'guest', 'registered')) not null default 'all', "target_segment_ids" text[] not null default '{}', "target_group_ids" text[] not null default '{}', "target_audience_ids" text[] not null default '{}', "exclude_segment_ids" text[] not null default '{}', "targeted" boolean not null default false, "priority" integer not null default 0, "starts_at" timestamptz null, "ends_at" timestamptz null, "status" text check ("status" in ('active', 'inactive')) not null default 'active', "locale" text null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "content_block_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_content_block_deleted_at" ON "content_block" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_content_block_placement_status_priority" ON "content_block" ("placement", "status", "priority") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "content_block_event" ("id" text not null, "shopper_key" text not null, "block_id" text not null, "type" text check ("type" in ('impression', 'click')) not null, "hour" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "content_block_event_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_content_block_event_deleted_at" ON "content_block_event" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_content_block_event_shopper_key_block_id_type_hour_unique" ON "content_block_event" ("shopper_key", "block_id", "type", "hour") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_content_block_event_hour" ON "content_block_event" ("hour") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "content_block_stat" ("id" text not null, "block_id" text not null, "day" text not null, "type" text check ("type" in ('impression', 'click')) not null, "segment_id" text not null default '', "count" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "content_block_stat_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_content_block_stat_deleted_at" ON "content_block_stat" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_content_block_stat_block_id_day_type_segment_id_unique" ON "content_block_stat" ("block_id", "day", "type", "segment_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "content_block" cascade;`);

    this.addSql(`drop table if exists "content_block_event" cascade;`);

    this.addSql(`drop table if exists "content_block_stat" cascade;`);
  }

}
