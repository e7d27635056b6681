import { Migration } from "@medusajs/framework/mikro-orm/migrations"
import { emailDomain, fold, foldOrNull } from "../rules/fold"

type StoredRow = {
  customer_id: string
  email: string | null
  first_name: string | null
  last_name: string | null
  countries: string[]
  provinces: string[]
  cities: string[]
  metadata: Record<string, unknown> | null
}

const BATCH = 2_000

const places = (values: string[]) => [...new Set(values.map((v) => fold(v.trim())).filter((v) => v !== ""))].sort()

/**
 * Text that rules compare without case is stored folded (rules/fold.ts), so
 * no rule depends on the database's locale: adds the folded columns
 * (email_domain, first/last name, metadata), the open carts, and re-folds
 * what the projection already holds (email and places were lower-cased by
 * JavaScript or by the server before).
 */
export class Migration20261201234911 extends Migration {
  override async up(): Promise<void> {
    await this.execute(`alter table if exists "customer_profile"
      add column if not exists "email_domain" text null,
      add column if not exists "first_name_folded" text null,
      add column if not exists "last_name_folded" text null,
      add column if not exists "metadata_folded" jsonb null,
      add column if not exists "open_carts" text[] not null default '{}';`)
    await this.execute(
      `CREATE INDEX IF NOT EXISTS "IDX_customer_profile_email_domain" ON "customer_profile" ("email_domain") WHERE deleted_at IS NULL;`
    )
    for (let after = ""; ; ) {
      const rows = (await this.execute(
        `SELECT customer_id, email, first_name, last_name, countries, provinces, cities, metadata
         FROM customer_profile WHERE deleted_at IS NULL AND customer_id > ? ORDER BY customer_id LIMIT ?`,
        [after, BATCH]
      )) as StoredRow[]
      if (rows.length === 0) {
        break
      }
      const folded = rows.map((row) => ({
        customer_id: row.customer_id,
        email: foldOrNull(row.email),
        email_domain: emailDomain(row.email),
        first_name_folded: foldOrNull(row.first_name),
        last_name_folded: foldOrNull(row.last_name),
        countries: places(row.countries ?? []),
        provinces: places(row.provinces ?? []),
        cities: places(row.cities ?? []),
        metadata_folded: row.metadata
          ? Object.fromEntries(Object.entries(row.metadata).map(([k, v]) => [k, typeof v === "string" ? fold(v) : v]))
          : null,
      }))
      await this.execute(
        `UPDATE customer_profile p SET email = x.email, email_domain = x.email_domain,
           first_name_folded = x.first_name_folded, last_name_folded = x.last_name_folded,
           countries = x.countries, provinces = x.provinces, cities = x.cities, metadata_folded = x.metadata_folded
         FROM jsonb_to_recordset(?::jsonb) AS x(customer_id text, email text, email_domain text, first_name_folded text,
           last_name_folded text, countries text[], provinces text[], cities text[], metadata_folded jsonb)
         WHERE p.customer_id = x.customer_id AND p.deleted_at IS NULL`,
        [JSON.stringify(folded)]
      )
      after = rows[rows.length - 1].customer_id
    }
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_customer_profile_email_domain";`)
    this.addSql(`alter table if exists "customer_profile" drop column if exists "email_domain", drop column if exists "first_name_folded", drop column if exists "last_name_folded", drop column if exists "metadata_folded", drop column if exists "open_carts";`)
  }
}
