import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124063558 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "tax_class_rate" drop constraint if exists "tax_class_rate_province_unique";`);
    this.addSql(`alter table if exists "tax_class_rate" drop constraint if exists "tax_class_rate_country_unique";`);
    this.addSql(`alter table if exists "tax_class" drop constraint if exists "tax_class_type_code_unique";`);
    this.addSql(`create table if not exists "tax_class" ("id" text not null, "type" text check ("type" in ('customer', 'product')) not null, "name" text not null, "code" text not null, "description" text null, "is_default" boolean not null default false, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "tax_class_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_tax_class_deleted_at" ON "tax_class" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_tax_class_type_code_unique" ON "tax_class" ("type", "code") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_tax_class_one_default_per_type" ON "tax_class" ("type") WHERE deleted_at IS NULL AND is_default = true;`);

    this.addSql(`create table if not exists "tax_class_rate" ("id" text not null, "customer_class_id" text not null, "product_class_id" text not null, "country_code" text not null, "province_code" text null, "rate" real null, "is_exempt" boolean not null default false, "code" text null, "name" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "tax_class_rate_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_tax_class_rate_deleted_at" ON "tax_class_rate" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_tax_class_rate_country_unique" ON "tax_class_rate" ("customer_class_id", "product_class_id", "country_code") WHERE deleted_at IS NULL AND province_code IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_tax_class_rate_province_unique" ON "tax_class_rate" ("customer_class_id", "product_class_id", "country_code", "province_code") WHERE deleted_at IS NULL AND province_code IS NOT NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "tax_class" cascade;`);

    this.addSql(`drop table if exists "tax_class_rate" cascade;`);
  }

}
