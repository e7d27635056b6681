import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124052201 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "customer_order" drop constraint if exists "customer_order_order_id_unique";`);
    this.addSql(`create table if not exists "customer_order" ("id" text not null, "customer_id" text not null, "order_id" text not null, "currency_code" text not null, "total" numeric not null, "placed_at" timestamptz not null, "raw_total" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "customer_order_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_order_deleted_at" ON "customer_order" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_order_customer_id_placed_at" ON "customer_order" ("customer_id", "placed_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_customer_order_order_id_unique" ON "customer_order" ("order_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "customer_order" cascade;`);
  }

}
