import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import type { CustomerFacts, OrderFact, PurchaseFact } from "../rules"

/** A customer_profile row as written (ids and timestamps aside). */
export type ProfileInput = {
  customer_id: string
  email: string | null
  first_name: string | null
  last_name: string | null
  has_account: boolean
  customer_added_at: Date | string | null
  group_ids: string[]
  source_ids: string[]
  countries: string[]
  provinces: string[]
  cities: string[]
  orders_count: number
  spend: Record<string, { amount: number; orders: number }>
  first_order_at: Date | string | null
  last_order_at: Date | string | null
  metadata: Record<string, unknown> | null
}

export type PurchaseInput = {
  customer_id: string
  order_id: string
  product_id: string
  collection_id: string | null
  category_ids: string[]
  type_id: string | null
  quantity: number
  purchased_at: Date | string
}

/** A customer_order row as written: one placed, not canceled order (lower-case currency). */
export type OrderInput = {
  customer_id: string
  order_id: string
  currency_code: string
  total: number
  placed_at: Date | string
}

export type FactsSnapshot = { profiles: ProfileInput[]; purchases: PurchaseInput[]; orders: OrderInput[] }

const PROFILE_COLUMNS = `customer_id text, email text, first_name text, last_name text, has_account boolean,
  customer_added_at timestamptz, group_ids text[], source_ids text[], countries text[], provinces text[],
  cities text[], orders_count integer, spend jsonb, first_order_at timestamptz, last_order_at timestamptz, metadata jsonb`
const PROFILE_FIELDS = [
  "customer_id", "email", "first_name", "last_name", "has_account", "customer_added_at", "group_ids",
  "source_ids", "countries", "provinces", "cities", "orders_count", "spend", "first_order_at",
  "last_order_at", "metadata",
]
const PURCHASE_COLUMNS = `customer_id text, order_id text, product_id text, collection_id text, category_ids text[],
  type_id text, quantity integer, purchased_at timestamptz`
const PURCHASE_FIELDS = ["customer_id", "order_id", "product_id", "collection_id", "category_ids", "type_id", "quantity", "purchased_at"]
const ORDER_COLUMNS = "customer_id text, order_id text, currency_code text, total numeric, placed_at timestamptz"
const ORDER_FIELDS = ["customer_id", "order_id", "currency_code", "total", "placed_at"]

/**
 * A JS array as one PostgreSQL array literal (knex would otherwise spread an
 * array binding into a list of values); used with `?::text[]`.
 */
const arrayLiteral = (values: unknown[]) =>
  `{${values.map((v) => `"${String(v).replace(/["\\]/g, (c) => `\\${c}`)}"`).join(",")}}`

const bind = (bindings: unknown[]) =>
  bindings.map((b) => (Array.isArray(b) ? arrayLiteral(b) : b)) as (string | number | boolean | Date | null)[]

/** Runs a statement with `?` bindings (arrays bound as one array value) and returns its rows. */
export async function rows<T>(em: SqlEntityManager, sql: string, bindings: unknown[] = []): Promise<T[]> {
  return (await em.execute(sql, bind(bindings), "all")) as T[]
}

/** Runs a statement with `?` bindings (arrays bound as one array value). */
export async function exec(em: SqlEntityManager, sql: string, bindings: unknown[] = []): Promise<void> {
  await em.execute(sql, bind(bindings), "run")
}

/** Which per-row facts to read besides the profiles (both by default). */
export type ReadFactsOptions = { purchases?: boolean; orders?: boolean }

/** The stored facts of these customers. */
export async function readFacts(
  em: SqlEntityManager,
  customerIds: string[],
  read: ReadFactsOptions = {}
): Promise<FactsSnapshot> {
  if (customerIds.length === 0) {
    return { profiles: [], purchases: [], orders: [] }
  }
  const profiles = await rows<ProfileInput>(
    em,
    `SELECT ${PROFILE_FIELDS.join(", ")} FROM customer_profile WHERE customer_id = ANY(?::text[]) AND deleted_at IS NULL`,
    [customerIds]
  )
  const purchases =
    read.purchases !== false
      ? await rows<PurchaseInput>(
          em,
          `SELECT ${PURCHASE_FIELDS.join(", ")} FROM customer_purchase WHERE customer_id = ANY(?::text[]) AND deleted_at IS NULL`,
          [customerIds]
        )
      : []
  // numeric comes back as text: read totals as the numbers the rules compare (float8).
  const orders =
    read.orders !== false
      ? await rows<OrderInput>(
          em,
          `SELECT customer_id, order_id, currency_code, total::float8 AS total, placed_at
           FROM customer_order WHERE customer_id = ANY(?::text[]) AND deleted_at IS NULL`,
          [customerIds]
        )
      : []
  return { profiles, purchases, orders }
}

export type WriteFactsOptions = {
  /**
   * Also remove profiles in this customer_id range (after, upto] that are not
   * in `customer_ids` (customers that no longer exist; used by the backfill).
   */
  range?: { after: string | null; upto: string | null }
}

/**
 * Replaces the facts of `customerIds` with `next` (a customer without a
 * profile in `next` loses its row), in the caller's transaction. Returns what
 * was stored before.
 */
/*
 * Every statement on these tables says `deleted_at IS NULL`: their indexes
 * are partial on it (rows here are never soft-deleted), and without it
 * PostgreSQL cannot use them.
 */
export async function replaceFacts(
  em: SqlEntityManager,
  customerIds: string[],
  next: FactsSnapshot,
  options: WriteFactsOptions = {}
): Promise<FactsSnapshot> {
  // Two writers of one customer's facts wait for each other (in id order, so never deadlock).
  await exec(em, `SELECT pg_advisory_xact_lock(hashtext('customer-facts:' || c)) FROM (SELECT unnest(?::text[]) AS c ORDER BY 1) ids`, [
    [...customerIds].sort(),
  ])
  const previous = await readFacts(em, customerIds)
  // An order moved to one of these customers leaves its previous owner's rows (order ids are unique).
  const orderIds = [...new Set([...next.purchases, ...next.orders].map((p) => p.order_id))]

  await exec(em, 
    `DELETE FROM customer_purchase WHERE deleted_at IS NULL AND (customer_id = ANY(?::text[]) OR order_id = ANY(?::text[]))`,
    [customerIds, orderIds]
  )
  await exec(em, 
    `DELETE FROM customer_order WHERE deleted_at IS NULL AND (customer_id = ANY(?::text[]) OR order_id = ANY(?::text[]))`,
    [customerIds, orderIds]
  )
  const kept = next.profiles.map((p) => p.customer_id)
  await exec(em, 
    `DELETE FROM customer_profile WHERE deleted_at IS NULL AND customer_id = ANY(?::text[]) AND NOT (customer_id = ANY(?::text[]))`,
    [customerIds, kept]
  )
  if (options.range) {
    const { after, upto } = options.range
    await exec(em, 
      `DELETE FROM customer_profile WHERE deleted_at IS NULL AND customer_id > ? ${upto === null ? "" : "AND customer_id <= ?"} AND NOT (customer_id = ANY(?::text[]))`,
      upto === null ? [after ?? "", kept] : [after ?? "", upto, kept]
    )
  }
  if (next.profiles.length) {
    const updates = PROFILE_FIELDS.filter((f) => f !== "customer_id").map((f) => `${f} = EXCLUDED.${f}`)
    await exec(em, 
      `INSERT INTO customer_profile (id, ${PROFILE_FIELDS.join(", ")}, created_at, updated_at)
       SELECT 'cprof_' || replace(gen_random_uuid()::text, '-', ''), ${PROFILE_FIELDS.map((f) => `x.${f}`).join(", ")}, now(), now()
       FROM jsonb_to_recordset(?::jsonb) AS x(${PROFILE_COLUMNS})
       ON CONFLICT (customer_id) WHERE deleted_at IS NULL DO UPDATE SET ${updates.join(", ")}, updated_at = now()`,
      [JSON.stringify(next.profiles)]
    )
  }
  if (next.purchases.length) {
    await exec(em, 
      `INSERT INTO customer_purchase (id, ${PURCHASE_FIELDS.join(", ")}, created_at, updated_at)
       SELECT 'cpur_' || replace(gen_random_uuid()::text, '-', ''), ${PURCHASE_FIELDS.map((f) => `x.${f}`).join(", ")}, now(), now()
       FROM jsonb_to_recordset(?::jsonb) AS x(${PURCHASE_COLUMNS})`,
      [JSON.stringify(next.purchases)]
    )
  }
  if (next.orders.length) {
    // raw_total: the BigNumber column's raw value, as Medusa's models write it.
    await exec(em, 
      `INSERT INTO customer_order (id, ${ORDER_FIELDS.join(", ")}, raw_total, created_at, updated_at)
       SELECT 'cord_' || replace(gen_random_uuid()::text, '-', ''), ${ORDER_FIELDS.map((f) => `x.${f}`).join(", ")},
         jsonb_build_object('value', x.total::text, 'precision', 20), now(), now()
       FROM jsonb_to_recordset(?::jsonb) AS x(${ORDER_COLUMNS})`,
      [JSON.stringify(next.orders)]
    )
  }
  return previous
}

const date = (value: Date | string | null): Date | null => (value === null ? null : new Date(value))

/**
 * The evaluator's view of a stored profile, with the customer's purchases
 * and orders (without orders, amounts within dates are 0).
 */
export function toFacts(profile: ProfileInput, purchases: PurchaseInput[], orders: OrderInput[] = []): CustomerFacts {
  return {
    email: profile.email,
    first_name: profile.first_name,
    last_name: profile.last_name,
    has_account: profile.has_account,
    customer_added_date: date(profile.customer_added_at),
    customer_groups: profile.group_ids,
    countries: profile.countries,
    provinces: profile.provinces,
    cities: profile.cities,
    number_of_orders: profile.orders_count,
    spend: profile.spend ?? {},
    first_order_date: date(profile.first_order_at),
    last_order_date: date(profile.last_order_at),
    purchases: purchases.map(
      (p): PurchaseFact => ({
        product_id: p.product_id,
        collection_id: p.collection_id,
        category_ids: p.category_ids,
        type_id: p.type_id,
        quantity: p.quantity,
        purchased_at: new Date(p.purchased_at),
      })
    ),
    orders: orders.map(
      (o): OrderFact => ({
        order_id: o.order_id,
        currency_code: o.currency_code.toLowerCase(),
        total: Number(o.total),
        placed_at: new Date(o.placed_at),
      })
    ),
    metadata: profile.metadata ?? {},
  }
}

/** Profile column → the attributes that read it. */
const ATTRIBUTES_OF: Record<string, string[]> = {
  email: ["email", "email_domain"],
  first_name: ["first_name"],
  last_name: ["last_name"],
  has_account: ["has_account"],
  customer_added_at: ["customer_added_date"],
  group_ids: ["customer_groups"],
  countries: ["countries"],
  provinces: ["provinces"],
  cities: ["cities"],
  orders_count: ["number_of_orders"],
  spend: ["amount_spent", "average_order_value"],
  first_order_at: ["first_order_date"],
  last_order_at: ["last_order_date"],
  metadata: ["metadata.*"],
}

const canonical = (value: unknown): string => {
  if (value instanceof Date || (typeof value === "string" && /^\d{4}-\d{2}-\d{2}T/.test(value))) {
    return String(new Date(value as string).getTime())
  }
  if (Array.isArray(value)) {
    return JSON.stringify(value.map(canonical).sort())
  }
  if (value && typeof value === "object") {
    return JSON.stringify(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, canonical(v)]))
  }
  return JSON.stringify(value ?? null)
}

const purchaseKey = (p: PurchaseInput) =>
  canonical([p.order_id, p.product_id, p.collection_id, p.category_ids, p.type_id, p.quantity, p.purchased_at])
const orderKey = (o: OrderInput) => canonical([o.order_id, o.currency_code.toLowerCase(), Number(o.total), o.placed_at])

/** One customer's stored facts. */
export type CustomerSnapshot = { profile?: ProfileInput; purchases: PurchaseInput[]; orders: OrderInput[] }

/**
 * The attributes whose facts differ between two snapshots of one customer
 * ("*" when the customer appeared, disappeared or changed account status:
 * every segment must look again).
 */
export function changedAttributes(before: CustomerSnapshot, after: CustomerSnapshot): Set<string> {
  if (!before.profile || !after.profile || before.profile.has_account !== after.profile.has_account) {
    return new Set(["*"])
  }
  const changed = new Set<string>()
  for (const [column, attributes] of Object.entries(ATTRIBUTES_OF)) {
    const a = before.profile[column as keyof ProfileInput]
    const b = after.profile[column as keyof ProfileInput]
    if (canonical(a) !== canonical(b)) {
      attributes.forEach((name) => changed.add(name))
    }
  }
  const keys = <T>(list: T[], key: (row: T) => string) => list.map(key).sort().join("|")
  if (keys(before.purchases, purchaseKey) !== keys(after.purchases, purchaseKey)) {
    changed.add("products_purchased")
  }
  // amount_spent within dates reads the orders (an order can move in time with the same totals).
  if (keys(before.orders, orderKey) !== keys(after.orders, orderKey)) {
    changed.add("amount_spent")
  }
  return changed
}

/** Whether a segment reading `attributes` must be re-evaluated after `changed`. */
export function isAffected(attributes: string[], changed: Set<string>): boolean {
  if (changed.has("*")) {
    return true
  }
  return attributes.some((a) => changed.has(a) || (a.startsWith("metadata.") && changed.has("metadata.*")))
}
