import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import { emailDomain, factsRead, fold, foldOrNull, type CustomerFacts, type FactName, type OrderFact, type PurchaseFact } from "../rules"
import { concurrently, exec, newRowId, rows } from "./execute"

export { exec, rows } from "./execute"

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
  /** Last activity (ISO) of each of the customer's carts with items that was not completed. */
  open_carts: (Date | string)[]
  /** Ids of the audiences the customer is in (sorted). */
  audience_ids: string[]
  /** The customer's latest store request (presence); also kept current by the presence tracker. */
  last_activity_at?: Date | string | null
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

const PROFILE_COLUMNS = `customer_id text, email text, email_domain text, first_name text, first_name_folded text,
  last_name text, last_name_folded text, has_account boolean, customer_added_at timestamptz, group_ids text[],
  source_ids text[], countries text[], provinces text[], cities text[], orders_count integer, spend jsonb,
  first_order_at timestamptz, last_order_at timestamptz, metadata jsonb, metadata_folded jsonb, open_carts text[], audience_ids text[], last_activity_at timestamptz`
/** What a profile is written from (the facts); the stored row adds their folded forms. */
const PROFILE_FIELDS = [
  "customer_id", "email", "first_name", "last_name", "has_account", "customer_added_at", "group_ids",
  "source_ids", "countries", "provinces", "cities", "orders_count", "spend", "first_order_at",
  "last_order_at", "metadata", "open_carts", "audience_ids", "last_activity_at",
]
const STORED_PROFILE_FIELDS = [...PROFILE_FIELDS, "email_domain", "first_name_folded", "last_name_folded", "metadata_folded"]
const PURCHASE_COLUMNS = `customer_id text, order_id text, product_id text, collection_id text, category_ids text[],
  type_id text, quantity integer, purchased_at timestamptz`
const PURCHASE_FIELDS = ["customer_id", "order_id", "product_id", "collection_id", "category_ids", "type_id", "quantity", "purchased_at"]
const ORDER_COLUMNS = "customer_id text, order_id text, currency_code text, total numeric, placed_at timestamptz"
const ORDER_FIELDS = ["customer_id", "order_id", "currency_code", "total", "placed_at"]

/** A list of places as stored: trimmed, folded, without empties or repeats, sorted. */
const placeSet = (values: readonly string[]) =>
  [...new Set(values.map((v) => fold(v.trim())).filter((v) => v !== ""))].sort()

/** Metadata with its string values folded (for CONTAINS / STARTS WITH), other values as they are. */
const foldedMetadata = (metadata: Record<string, unknown> | null) =>
  metadata === null
    ? null
    : Object.fromEntries(Object.entries(metadata).map(([k, v]) => [k, typeof v === "string" ? fold(v) : v]))

/**
 * A profile as stored: the text rules compare without case folded once,
 * here (fold.ts), so no statement depends on the database's locale. Applied
 * to every write; idempotent, so a stored profile written again is unchanged.
 */
export function storedProfile(profile: ProfileInput): ProfileInput & Record<string, unknown> {
  return {
    ...profile,
    email: foldOrNull(profile.email),
    email_domain: emailDomain(profile.email),
    first_name_folded: foldOrNull(profile.first_name),
    last_name_folded: foldOrNull(profile.last_name),
    countries: placeSet(profile.countries),
    provinces: placeSet(profile.provinces),
    cities: placeSet(profile.cities),
    metadata_folded: foldedMetadata(profile.metadata),
    open_carts: [...new Set((profile.open_carts ?? []).map((d) => new Date(d).toISOString()))].sort(),
    audience_ids: [...new Set(profile.audience_ids ?? [])].sort(),
    last_activity_at: profile.last_activity_at ? new Date(profile.last_activity_at).toISOString() : null,
  }
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
  const of = <T>(table: string, columns: string) =>
    rows<T>(em, `SELECT ${columns} FROM ${table} WHERE customer_id = ANY($1::text[]) AND deleted_at IS NULL`, [customerIds])
  // Three independent reads, at once.
  const [profiles, purchases, orders] = await concurrently<[ProfileInput[], PurchaseInput[], OrderInput[]]>(em, [
    () => of<ProfileInput>("customer_profile", PROFILE_FIELDS.join(", ")),
    () => (read.purchases !== false ? of<PurchaseInput>("customer_purchase", PURCHASE_FIELDS.join(", ")) : []),
    // numeric comes back as text: read totals as the numbers the rules compare (float8).
    () =>
      read.orders !== false
        ? of<OrderInput>("customer_order", "customer_id, order_id, currency_code, total::float8 AS total, placed_at")
        : [],
  ])
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
 * Locks of the facts, taken in a transaction before writing a customer's
 * facts, held to its end: two writers of one customer wait for each other
 * (the backfill's batches and real-time syncs alike). Advisory locks of 256
 * buckets of customer ids (two-key form, class FACTS_LOCK_CLASS), taken in
 * ascending order (never a deadlock): a batch of thousands of customers takes
 * at most 256 locks, well within the server's lock table, and a real-time
 * write of one customer takes one.
 */
export const FACTS_LOCK_CLASS = 0x63667374
export async function lockCustomersFacts(em: SqlEntityManager, customerIds: readonly string[]): Promise<void> {
  if (customerIds.length === 0) {
    return
  }
  await exec(
    em,
    `SELECT pg_advisory_xact_lock(${FACTS_LOCK_CLASS}, bucket)
     FROM (SELECT DISTINCT hashtext('customer-facts:' || c) & 255 AS bucket FROM unnest($1::text[]) AS c ORDER BY 1) buckets`,
    [customerIds]
  )
}

/**
 * Removes the profiles in the customer id range (after, upto] (upto null: to the end) that are not in `kept`
 * and whose customer no longer exists. Only those: a customer created while a backfill runs has an id in a
 * range the batch already read, and its profile (written in real time) stays.
 */
export async function deleteProfilesInRange(em: SqlEntityManager, after: string | null, upto: string | null, kept: readonly string[]): Promise<void> {
  await exec(
    em,
    `DELETE FROM customer_profile p WHERE p.deleted_at IS NULL AND ($1::text IS NULL OR p.customer_id > $1::text)
       AND ($2::text IS NULL OR p.customer_id <= $2::text) AND NOT (p.customer_id = ANY($3::text[]))
       AND NOT EXISTS (SELECT 1 FROM customer c WHERE c.id = p.customer_id AND c.deleted_at IS NULL)`,
    [after, upto, kept]
  )
}

/** Writes profiles (inserted, or replacing the stored one), their folded forms made here (storedProfile). */
export async function upsertProfiles(em: SqlEntityManager, profiles: readonly ProfileInput[]): Promise<void> {
  await upsertStoredProfiles(em, profiles.map(storedProfile))
}

async function upsertStoredProfiles(em: SqlEntityManager, profiles: readonly ProfileInput[]): Promise<void> {
  if (!profiles.length) {
    return
  }
  const changed = STORED_PROFILE_FIELDS.filter((f) => f !== "customer_id")
  // The last activity never moves back: the presence tracker writes it on its own (recordLastActivity), and a
  // profile built from presence read a moment before that write must not put the older value (or null) back.
  const next = (f: string) => (f === "last_activity_at" ? `GREATEST(customer_profile.${f}, EXCLUDED.${f})` : `EXCLUDED.${f}`)
  const updates = changed.map((f) => `${f} = ${next(f)}`)
  // A profile whose facts are the same is not written (a redelivered event changes nothing, updated_at included; decision 0047).
  const differs = `(${changed.map((f) => `customer_profile.${f}`).join(", ")}) IS DISTINCT FROM (${changed.map(next).join(", ")})`
  await exec(
    em,
    `INSERT INTO customer_profile (id, ${STORED_PROFILE_FIELDS.join(", ")}, created_at, updated_at)
     SELECT ${newRowId("cprof")}, ${STORED_PROFILE_FIELDS.map((f) => `x.${f}`).join(", ")}, now(), now()
     FROM jsonb_to_recordset($1::jsonb) AS x(${PROFILE_COLUMNS})
     ON CONFLICT (customer_id) WHERE deleted_at IS NULL DO UPDATE SET ${updates.join(", ")}, updated_at = now()
     WHERE ${differs}`,
    [JSON.stringify(profiles)]
  )
}

/**
 * Replaces the facts of `customerIds` with `next` (a customer without a
 * profile in `next` loses its row), in the caller's transaction. Returns what
 * was stored before, and what is stored now (profiles as storedProfile makes them).
 *
 * Every statement on these tables says `deleted_at IS NULL`: their indexes
 * are partial on it (rows here are never soft-deleted), and without it
 * PostgreSQL cannot use them.
 */
export async function replaceFacts(
  em: SqlEntityManager,
  customerIds: string[],
  next: FactsSnapshot,
  options: WriteFactsOptions = {}
): Promise<{ previous: FactsSnapshot; written: FactsSnapshot }> {
  await lockCustomersFacts(em, customerIds)
  const previous = await readFacts(em, customerIds)
  // As the upsert stores it: the later of the stored and the new last activity (upsertStoredProfiles).
  const storedActivity = new Map(previous.profiles.map((p) => [p.customer_id, p.last_activity_at ? new Date(p.last_activity_at) : null]))
  const profiles = next.profiles.map((p) => {
    const stored = storedProfile(p)
    const before = storedActivity.get(p.customer_id)
    return before && (!stored.last_activity_at || before > new Date(stored.last_activity_at)) ? { ...stored, last_activity_at: before.toISOString() } : stored
  })
  // An order moved to one of these customers leaves its previous owner's rows (order ids are unique).
  const orderIds = [...new Set([...next.purchases, ...next.orders].map((p) => p.order_id))]

  for (const table of ["customer_purchase", "customer_order"]) {
    await exec(
      em,
      `DELETE FROM ${table} WHERE deleted_at IS NULL AND (customer_id = ANY($1::text[]) OR order_id = ANY($2::text[]))`,
      [customerIds, orderIds]
    )
  }
  const kept = profiles.map((p) => p.customer_id)
  await exec(
    em,
    `DELETE FROM customer_profile WHERE deleted_at IS NULL AND customer_id = ANY($1::text[]) AND NOT (customer_id = ANY($2::text[]))`,
    [customerIds, kept]
  )
  if (options.range) {
    await deleteProfilesInRange(em, options.range.after, options.range.upto, kept)
  }
  await upsertStoredProfiles(em, profiles)
  if (next.purchases.length) {
    await exec(
      em,
      `INSERT INTO customer_purchase (id, ${PURCHASE_FIELDS.join(", ")}, created_at, updated_at)
       SELECT ${newRowId("cpur")}, ${PURCHASE_FIELDS.map((f) => `x.${f}`).join(", ")}, now(), now()
       FROM jsonb_to_recordset($1::jsonb) AS x(${PURCHASE_COLUMNS})`,
      [JSON.stringify(next.purchases)]
    )
  }
  if (next.orders.length) {
    // raw_total: the BigNumber column's raw value, as Medusa's models write it.
    await exec(
      em,
      `INSERT INTO customer_order (id, ${ORDER_FIELDS.join(", ")}, raw_total, created_at, updated_at)
       SELECT ${newRowId("cord")}, ${ORDER_FIELDS.map((f) => `x.${f}`).join(", ")},
         jsonb_build_object('value', x.total::text, 'precision', 20), now(), now()
       FROM jsonb_to_recordset($1::jsonb) AS x(${ORDER_COLUMNS})`,
      [JSON.stringify(next.orders)]
    )
  }
  const written = { profiles: profiles.map((p) => pick(p, PROFILE_FIELDS) as ProfileInput), purchases: next.purchases, orders: next.orders }
  return { previous, written }
}

const pick = (row: Record<string, unknown>, fields: string[]) => Object.fromEntries(fields.map((f) => [f, row[f]]))

const date = (value: Date | string | null): Date | null => (value === null ? null : new Date(value))

/**
 * The evaluator's view of a stored profile, with the customer's purchases,
 * orders (without orders, amounts within dates are 0) and segment memberships.
 */
export function toFacts(
  profile: ProfileInput,
  purchases: PurchaseInput[],
  orders: OrderInput[] = [],
  segments: string[] = []
): CustomerFacts {
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
    segments,
    audiences: profile.audience_ids ?? [],
    open_carts: (profile.open_carts ?? []).map((d) => new Date(d)),
    last_activity_date: date(profile.last_activity_at ?? null),
  }
}

/** The profile columns that are facts rules read (see FactName). */
const PROFILE_FACTS: FactName[] = [
  "email", "first_name", "last_name", "has_account", "customer_added_at", "group_ids", "countries", "provinces",
  "cities", "orders_count", "spend", "first_order_at", "last_order_at", "metadata", "open_carts", "audience_ids",
  "last_activity_at",
]

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

const canonical = (value: unknown): string => {
  if (value instanceof Date || (typeof value === "string" && /^\d{4}-\d{2}-\d{2}T/.test(value))) {
    return String(new Date(value as string).getTime())
  }
  if (Array.isArray(value)) {
    return JSON.stringify(value.map(canonical).sort(byCodeUnits))
  }
  if (value && typeof value === "object") {
    return JSON.stringify(Object.entries(value).sort(([a], [b]) => byCodeUnits(a, b)).map(([k, v]) => [k, canonical(v)]))
  }
  return JSON.stringify(value ?? null)
}

const purchaseKey = (p: PurchaseInput) =>
  canonical([p.order_id, p.product_id, p.collection_id, p.category_ids, p.type_id, p.quantity, p.purchased_at])
const orderKey = (o: OrderInput) => canonical([o.order_id, o.currency_code.toLowerCase(), Number(o.total), o.placed_at])

/** One customer's stored facts. */
export type CustomerSnapshot = { profile?: ProfileInput; purchases: PurchaseInput[]; orders: OrderInput[] }

/** A changed fact, or "*": the customer appeared, disappeared or changed account status (every segment must look again). */
export type ChangedFact = FactName | "*"

/** The facts that differ between two stored snapshots of one customer. */
export function changedFacts(before: CustomerSnapshot, after: CustomerSnapshot): Set<ChangedFact> {
  if (!before.profile || !after.profile || before.profile.has_account !== after.profile.has_account) {
    return new Set(["*"])
  }
  const changed = new Set<ChangedFact>()
  for (const column of PROFILE_FACTS) {
    const a = before.profile[column as keyof ProfileInput]
    const b = after.profile[column as keyof ProfileInput]
    if (canonical(a) !== canonical(b)) {
      changed.add(column)
    }
  }
  const keys = <T>(list: T[], key: (row: T) => string) => list.map(key).sort(byCodeUnits).join("|")
  if (keys(before.purchases, purchaseKey) !== keys(after.purchases, purchaseKey)) {
    changed.add("purchases")
  }
  // amount_spent within dates reads the orders (an order can move in time with the same totals).
  if (keys(before.orders, orderKey) !== keys(after.orders, orderKey)) {
    changed.add("orders")
  }
  return changed
}

/** Whether a segment reading `attributes` must be re-evaluated after `changed` facts. */
export function isAffected(attributes: readonly string[], changed: ReadonlySet<string>): boolean {
  if (changed.has("*")) {
    return true
  }
  return [...factsRead(attributes)].some((fact) => changed.has(fact))
}

/** Replaces facts (see replaceFacts) and says, per customer, which facts changed. */
export async function writeFacts(
  em: SqlEntityManager,
  customerIds: string[],
  next: FactsSnapshot,
  options: WriteFactsOptions = {}
): Promise<{ previous: FactsSnapshot; changes: { customer_id: string; changed: string[] }[] }> {
  const { previous, written } = await replaceFacts(em, customerIds, next, options)
  const of = (snapshot: FactsSnapshot, id: string): CustomerSnapshot => ({
    profile: snapshot.profiles.find((p) => p.customer_id === id),
    purchases: snapshot.purchases.filter((p) => p.customer_id === id),
    orders: snapshot.orders.filter((o) => o.customer_id === id),
  })
  const changes = customerIds
    .map((id) => ({ customer_id: id, changed: [...changedFacts(of(previous, id), of(written, id))] as string[] }))
    .filter((c) => c.changed.length > 0)
  return { previous, changes }
}

const REFERENCES = {
  /** Ids of addresses and group memberships (their deletion events carry only these). */
  sources: `SELECT customer_id FROM customer_profile WHERE source_ids && $1::text[] AND deleted_at IS NULL`,
  groups: `SELECT customer_id FROM customer_profile WHERE group_ids && $1::text[] AND deleted_at IS NULL`,
  // customer_order holds every counted order; customer_purchase also those stored before it existed.
  orders: `SELECT customer_id FROM customer_order WHERE order_id = ANY($1::text[]) AND deleted_at IS NULL
           UNION SELECT customer_id FROM customer_purchase WHERE order_id = ANY($1::text[]) AND deleted_at IS NULL`,
}

/** The customers whose stored facts reference these sources, groups or orders. */
export async function customersReferencing(em: SqlEntityManager, kind: keyof typeof REFERENCES, ids: string[]): Promise<string[]> {
  return (await rows<{ customer_id: string }>(em, REFERENCES[kind], [ids])).map((r) => r.customer_id)
}
