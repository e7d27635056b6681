import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124014108 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "customer_purchase" drop constraint if exists "customer_purchase_order_id_product_id_unique";`);
    this.addSql(`alter table if exists "customer_profile" drop constraint if exists "customer_profile_customer_id_unique";`);
    this.addSql(`create table if not exists "customer_profile" ("id" text not null, "customer_id" text not null, "email" text null, "first_name" text null, "last_name" text null, "has_account" boolean not null default false, "customer_added_at" timestamptz null, "group_ids" text[] not null, "countries" text[] not null, "provinces" text[] not null, "cities" text[] not null, "orders_count" integer not null default 0, "spend" jsonb not null, "first_order_at" timestamptz null, "last_order_at" timestamptz null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "customer_profile_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_profile_deleted_at" ON "customer_profile" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_customer_profile_customer_id_unique" ON "customer_profile" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_profile_last_order_at" ON "customer_profile" ("last_order_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_profile_orders_count" ON "customer_profile" ("orders_count") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "customer_purchase" ("id" text not null, "customer_id" text not null, "order_id" text not null, "product_id" text not null, "collection_id" text null, "category_ids" text[] not null, "type_id" text null, "quantity" integer not null, "purchased_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "customer_purchase_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_purchase_deleted_at" ON "customer_purchase" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_purchase_customer_id_product_id" ON "customer_purchase" ("customer_id", "product_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_customer_purchase_order_id_product_id_unique" ON "customer_purchase" ("order_id", "product_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_purchase_collection_id" ON "customer_purchase" ("collection_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "customer_profile" cascade;`);

    this.addSql(`drop table if exists "customer_purchase" cascade;`);
  }

}
