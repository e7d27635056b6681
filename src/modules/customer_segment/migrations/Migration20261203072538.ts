import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261203072538 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "customer_facts_backfill" ("id" text not null, "status" text check ("status" in ('queued', 'running', 'succeeded', 'failed', 'canceled')) not null default 'queued', "trigger" text check ("trigger" in ('manual', 'install')) not null, "requested_by" text null, "batch_size" integer not null, "customers_estimate" integer not null default 0, "customers_done" integer not null default 0, "orders_done" integer not null default 0, "batches_done" integer not null default 0, "checkpoint" text null, "lease_until" timestamptz null, "started_at" timestamptz null, "finished_at" timestamptz null, "running_ms" integer not null default 0, "error" text null, "refresh_run_ids" text[] not null default '{}', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "customer_facts_backfill_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_facts_backfill_deleted_at" ON "customer_facts_backfill" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_facts_backfill_created_at" ON "customer_facts_backfill" ("created_at") WHERE deleted_at IS NULL;`);
    // Hand-written: at most one run queued or running (a second request answers 409).
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_customer_facts_backfill_one_active" ON "customer_facts_backfill" ((true)) WHERE status IN ('queued', 'running') AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "customer_facts_backfill" cascade;`);
  }

}
