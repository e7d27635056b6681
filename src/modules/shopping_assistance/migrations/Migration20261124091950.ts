import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124091950 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "assistance_session" drop constraint if exists "assistance_session_code_hash_unique";`);
    this.addSql(`create table if not exists "assistance_action" ("id" text not null, "session_id" text not null, "method" text not null, "route" text not null, "path" text not null, "status_code" integer not null, "resource_ids" jsonb null, "outcome" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "assistance_action_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_assistance_action_deleted_at" ON "assistance_action" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_assistance_action_session_id_created_at" ON "assistance_action" ("session_id", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "assistance_consent" ("id" text not null, "customer_id" text not null, "allowed" boolean not null, "actor_type" text not null, "actor_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "assistance_consent_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_assistance_consent_deleted_at" ON "assistance_consent" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_assistance_consent_customer_id_created_at" ON "assistance_consent" ("customer_id", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "assistance_session" ("id" text not null, "customer_id" text not null, "user_id" text not null, "reason" text null, "status" text check ("status" in ('pending', 'active', 'ended')) not null default 'pending', "code_hash" text not null, "code_expires_at" timestamptz not null, "exchanged_at" timestamptz null, "expires_at" timestamptz null, "ended_at" timestamptz null, "end_reason" text check ("end_reason" in ('ended_by_admin', 'ended_by_customer', 'expired', 'code_expired', 'superseded', 'admin_deleted')) null, "ended_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "assistance_session_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_assistance_session_deleted_at" ON "assistance_session" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_assistance_session_code_hash_unique" ON "assistance_session" ("code_hash") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_assistance_session_user_id_status" ON "assistance_session" ("user_id", "status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_assistance_session_customer_id_created_at" ON "assistance_session" ("customer_id", "created_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "assistance_action" cascade;`);

    this.addSql(`drop table if exists "assistance_consent" cascade;`);

    this.addSql(`drop table if exists "assistance_session" cascade;`);
  }

}
