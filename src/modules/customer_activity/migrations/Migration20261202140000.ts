import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * The sign-in and reset counters of rate-limiter-flexible's PostgreSQL store
 * (the library's own layout: key, points, expire in epoch ms), created here so
 * that no request creates a table. Keys are hashes, never an email or an IP.
 */
export class Migration20261202140000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table if not exists "customer_suite_rate_limit" ("key" varchar(255) primary key, "points" integer not null default 0, "expire" bigint);`)
    this.addSql(`create index if not exists "IDX_customer_suite_rate_limit_expire" on "customer_suite_rate_limit" ("expire");`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "customer_suite_rate_limit" cascade;`)
  }
}
