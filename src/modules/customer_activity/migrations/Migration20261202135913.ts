import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202135913 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "customer_session_revocation" drop constraint if exists "customer_session_revocation_customer_id_unique";`);
    this.addSql(`alter table if exists "customer_presence" drop constraint if exists "customer_presence_kind_subject_id_unique";`);
    this.addSql(`create table if not exists "customer_presence" ("id" text not null, "kind" text check ("kind" in ('customer', 'visitor')) not null, "subject_id" text not null, "customer_id" text null, "cart_id" text null, "first_seen_at" timestamptz not null, "last_seen_at" timestamptz not null, "last_path" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "customer_presence_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_presence_deleted_at" ON "customer_presence" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_customer_presence_kind_subject_id_unique" ON "customer_presence" ("kind", "subject_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_presence_last_seen_at" ON "customer_presence" ("last_seen_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_presence_customer_id" ON "customer_presence" ("customer_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "customer_security_event" ("id" text not null, "kind" text check ("kind" in ('sign_in', 'password_reset_request', 'staff_password_reset', 'password_changed', 'account_locked', 'unlock', 'sessions_revoked')) not null, "outcome" text not null, "customer_id" text null, "email" text null, "ip" text null, "user_agent" text null, "actor_type" text check ("actor_type" in ('customer', 'user', 'system', 'anonymous')) not null, "actor_id" text null, "details" jsonb null, "occurred_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "customer_security_event_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_security_event_deleted_at" ON "customer_security_event" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_security_event_customer_id_occurred_at" ON "customer_security_event" ("customer_id", "occurred_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_security_event_email_occurred_at" ON "customer_security_event" ("email", "occurred_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_security_event_occurred_at" ON "customer_security_event" ("occurred_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "customer_session_revocation" ("id" text not null, "customer_id" text not null, "revoked_at" timestamptz not null, "reason" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "customer_session_revocation_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_session_revocation_deleted_at" ON "customer_session_revocation" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_customer_session_revocation_customer_id_unique" ON "customer_session_revocation" ("customer_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "customer_presence" cascade;`);

    this.addSql(`drop table if exists "customer_security_event" cascade;`);

    this.addSql(`drop table if exists "customer_session_revocation" cascade;`);
  }

}
