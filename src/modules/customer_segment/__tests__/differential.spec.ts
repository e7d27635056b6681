/**
 * The two evaluators must agree: thousands of random rules, over random
 * customers stored in the real projection tables, answered by compileSql
 * (PostgreSQL) and by evaluate (in memory), on a database with the C locale
 * (where the server's lower() folds only ASCII) and on a UTF-8 one, with
 * names, cities and emails in many scripts.
 */
import fc from "fast-check"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { CUSTOMER_SEGMENT_MODULE } from ".."
import CustomerOrder from "../models/customer-order"
import CustomerProfile from "../models/customer-profile"
import CustomerPurchase from "../models/customer-purchase"
import CustomerSegment from "../models/customer-segment"
import CustomerSegmentMembership from "../models/customer-segment-membership"
import CustomerSegmentRefreshRun from "../models/customer-segment-refresh-run"
import { createLocaleDatabase, type LocaleKind } from "../../../../integration-tests/helpers/database"
import { positional } from "../sql/execute"
import {
  ATTRIBUTES,
  compileSql,
  evaluate,
  findAttribute,
  operatorsOf,
  sumAmounts,
  summarizeRule,
  validateRule,
  type Condition,
  type CustomerFacts,
  type Operator,
  type RuleNode,
} from "../rules"
import type CustomerSegmentModuleService from "../service"

jest.setTimeout(300_000)

const now = new Date("2026-06-15T12:00:00.000Z")

// Small pools shared by the facts and the rules, so that rules hit values,
// boundaries (midnight, BETWEEN ends) and nulls often.
// Non-ASCII on purpose (É composed and decomposed, ß, İ, Ø, Greek with final sigma, Cyrillic): the
// database's lower() would fold these differently by locale; the engine never asks it to.
const TEXTS = [
  "Ada", "ada", "Zoë", "Émile", "E\u0301MILE", "émile", "O'Hara", "50%_off", "bob", "",
  "Straße", "STRASSE", "İlker", "ilker", "Øyvind", "øYVIND", "Σωκράτης", "ΣΩΚΡΆΤΗΣ", "Дмитрий", "ДМИТРИЙ",
]
const EMAILS = [
  "ada@example.com", "ADA@Example.COM", "bob@shop.io", "zoe@example.com", "no-at-sign", "x@",
  "ÉMILE@Exämple.COM", "émile@exämple.com", "straße@shop.de", "STRASSE@SHOP.DE", "дмитрий@почта.рф", "ДМИТРИЙ@ПОЧТА.РФ",
]
const CITIES = ["berlin", "Paris", "Köln", "KÖLN", "İzmir", "izmir", "Θεσσαλονίκη", "ΘΕΣΣΑΛΟΝΊΚΗ", "Москва", "МОСКВА", "Tromsø", "TROMSØ"]
const SEGMENT_IDS = ["cseg_a", "cseg_b", "cseg_c"]
const AUDIENCE_IDS = ["aud_a", "aud_b"]
const DAYS = ["2026-06-01", "2026-05-31", "2026-06-02", "2025-06-15", "today", "-14d", "-15d", "-1m", "-1y"]
const TIMES = [
  "2026-06-01T00:00:00.000Z",
  "2026-06-01T23:59:59.999Z",
  "2026-05-31T23:59:59.999Z",
  "2026-06-02T00:00:00.000Z",
  "2026-06-15T08:00:00.000Z",
  "2025-06-15T12:00:00.000Z",
  "2025-05-15T12:00:00.000Z",
].map((t) => new Date(t))
/** Carts left 30 and 90 minutes before now: one not abandoned yet (60 minutes by default), one abandoned today. */
const RECENT = [new Date(now.getTime() - 30 * 60_000), new Date(now.getTime() - 90 * 60_000)]
const GROUPS = ["cusgroup_a", "cusgroup_b", "cusgroup_c"]
const COUNTRIES = ["de", "fr", "us"]
const AMOUNTS = [0, 0.3, 50, 99.99, 100, 250.5]
/** Order totals whose decimal sums land on AMOUNTS (0.1 + 0.2, 49.99 + 50, 150.5 + 100, 99.99 + 0.01). */
const ORDER_TOTALS = [0, 0.01, 0.1, 0.2, 49.99, 50, 99.99, 100, 150.5]
const METADATA_VALUES: unknown[] = ["gold", "Gold", "go", 3, 100, true, false, { a: 1 }, null]
const PRODUCTS = ["prod_1", "prod_2", "prod_3"]
const CATEGORIES = ["pcat_1", "pcat_2"]

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 4 })
const subset = <T>(values: T[]) => fc.subarray(values)

const orderArb = fc.record({
  currency_code: fc.constantFrom("eur", "eur", "usd"),
  total: fc.constantFrom(...ORDER_TOTALS),
  placed_at: fc.constantFrom(...TIMES),
})

const purchaseArb = fc.record({
  product_id: fc.constantFrom(...PRODUCTS),
  collection_id: maybe(fc.constantFrom("pcol_1", "pcol_2")),
  category_ids: subset(CATEGORIES),
  type_id: maybe(fc.constantFrom("ptyp_1")),
  quantity: fc.integer({ min: 1, max: 3 }),
  purchased_at: fc.constantFrom(...TIMES),
})

const metadataArb = fc
  .record({ tier: fc.constantFrom(...METADATA_VALUES), points: fc.constantFrom(...METADATA_VALUES) }, { requiredKeys: [] })
  .map((m) => m as Record<string, unknown>)

/** The order facts (count, spend per currency, first and last dates) follow from the orders, as the backfill derives them. */
const factsArb: fc.Arbitrary<CustomerFacts> = fc.record({
  email: maybe(fc.constantFrom(...EMAILS)),
  first_name: maybe(fc.constantFrom(...TEXTS)),
  last_name: maybe(fc.constantFrom(...TEXTS)),
  has_account: fc.boolean(),
  customer_added_date: maybe(fc.constantFrom(...TIMES)),
  customer_groups: subset(GROUPS),
  countries: subset(COUNTRIES),
  provinces: subset(["us-ca", "de-be"]),
  cities: subset(CITIES),
  segments: subset(SEGMENT_IDS),
  audiences: subset(AUDIENCE_IDS),
  open_carts: fc.array(fc.constantFrom(...TIMES, ...RECENT), { maxLength: 2 }),
  last_activity_date: maybe(fc.constantFrom(...TIMES, ...RECENT)),
  orders: fc.array(orderArb, { maxLength: 4 }),
  purchases: fc.array(purchaseArb, { maxLength: 3 }),
  metadata: metadataArb,
}).map(({ orders: drawn, ...rest }) => {
  const orders = drawn.map((o, j) => ({ ...o, order_id: `o${j}` }))
  const spend: CustomerFacts["spend"] = {}
  for (const currency of [...new Set(orders.map((o) => o.currency_code))]) {
    const own = orders.filter((o) => o.currency_code === currency)
    spend[currency] = { amount: sumAmounts(own.map((o) => o.total)), orders: own.length }
  }
  const times = orders.map((o) => o.placed_at.getTime())
  return {
    ...rest,
    number_of_orders: orders.length,
    spend,
    first_order_date: orders.length ? new Date(Math.min(...times)) : null,
    last_order_date: orders.length ? new Date(Math.max(...times)) : null,
    orders,
  }
})

/** amount_spent's dates: none (a quarter), since, until or both; absolute ones in order. */
const windowArb = fc
  .record({ since: fc.option(fc.constantFrom(...DAYS), { nil: undefined, freq: 2 }), until: fc.option(fc.constantFrom(...DAYS), { nil: undefined, freq: 2 }) })
  .map(({ since, until }) => {
    const absolute = (d?: string) => Boolean(d && /^\d/.test(d))
    const [from, to] = absolute(since) && absolute(until) && since! > until! ? [until, since] : [since, until]
    return Object.fromEntries(Object.entries({ since: from, until: to }).filter(([, v]) => v !== undefined)) as { since?: string; until?: string }
  })

function valueArb(name: string, operator: Operator): fc.Arbitrary<unknown> {
  const definition = findAttribute(name)!
  const one = (): fc.Arbitrary<unknown> => {
    switch (definition.type) {
      case "string":
        return name.startsWith("email")
          ? fc.constantFrom(
              "ada@example.com", "example.com", "shop.io", "ada", "x", "%", "",
              "Émile@EXÄMPLE.com", "exämple.com", "EXÄMPLE.COM", "straße", "SHOP.DE", "почта.рф", "ДМИТРИЙ"
            )
          : fc.constantFrom(...TEXTS, "a", "%", "_", "émi", "É", "strasse", "STRAß", "İl", "il", "øy", "σωκ", "ΣΩΚΡΆΤΗ", "дми", "ИЙ")
      case "number":
        return fc.constantFrom(0, 1, 2, 3, 3.5)
      case "money": {
        const money = fc.record({ amount: fc.constantFrom(...AMOUNTS), currency_code: fc.constantFrom("eur", "usd", "gbp") })
        return name === "amount_spent" ? fc.tuple(money, windowArb).map(([m, w]) => ({ ...m, ...w })) : money
      }
      case "date":
        return fc.constantFrom(...DAYS)
      case "boolean":
        return fc.boolean()
      case "id_list":
        return name === "segments"
          ? fc.constantFrom(...SEGMENT_IDS, "cseg_z")
          : name === "audiences"
            ? fc.constantFrom(...AUDIENCE_IDS, "aud_z")
            : fc.constantFrom(...GROUPS, "cusgroup_z")
      case "string_list":
        return fc.constantFrom(...COUNTRIES, "DE", "us-ca", "US-CA", "berlin", "it", "KÖLN", "izmir", "İZMİR", "θεσσαλονίκη", "москва", "tromsø")
      case "metadata":
        return fc.constantFrom("gold", "Gold", "go", 3, 100, true)
      case "purchases":
        return fc
          .record({
            key: fc.constantFrom("product_ids", "collection_ids", "category_ids", "type_ids"),
            since: fc.option(fc.constantFrom(...DAYS), { nil: undefined }),
            until: fc.option(fc.constantFrom(...DAYS), { nil: undefined }),
            min_quantity: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
          })
          .map(({ key, ...rest }) => {
            const ids = { product_ids: ["prod_1", "prod_2"], collection_ids: ["pcol_1"], category_ids: ["pcat_2"], type_ids: ["ptyp_1"] }[key]
            const filter: Record<string, unknown> = { [key]: ids, ...rest }
            if (name === "cart_products") {
              delete filter.since
              delete filter.until
            }
            return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined))
          })
    }
  }
  switch (operator) {
    case "exists":
    case "not_exists":
      return fc.constant(undefined)
    case "in":
    case "not_in":
      return fc.array(one(), { minLength: 1, maxLength: 3 })
    case "between":
      // amount_spent: one window for both ends (relative or absolute, since and/or until, or none)
      return name === "amount_spent"
        ? fc
            .tuple(fc.constantFrom(...AMOUNTS), fc.constantFrom(...AMOUNTS), fc.constantFrom("eur", "usd"), windowArb)
            .map(([a, b, currency_code, w]) => [
              { amount: a, currency_code, ...w },
              { amount: b, currency_code, ...w },
            ])
        : fc.tuple(one(), one())
    case "gt":
    case "gte":
    case "lt":
    case "lte":
      return definition.type === "metadata" ? fc.constantFrom(3, 50, 100, 101) : one()
    case "contains":
    case "not_contains":
    case "starts_with":
      return definition.type === "metadata" ? fc.constantFrom("go", "GO", "ol", "%") : one()
    default:
      return one()
  }
}

/** Every attribute of the registry, and two metadata keys. */
const ATTRIBUTE_NAMES = [...ATTRIBUTES.map((a) => a.name), "metadata.tier", "metadata.points"]

const conditionArb: fc.Arbitrary<RuleNode> = fc.constantFrom(...ATTRIBUTE_NAMES).chain((name) =>
  fc.constantFrom(...operatorsOf(findAttribute(name)!)).chain((operator) =>
    valueArb(name, operator).map((value) =>
      (value === undefined ? { attribute: name, operator } : { attribute: name, operator, value }) as Condition
    )
  )
)

const ruleArb: fc.Arbitrary<RuleNode> = fc.letrec<{ node: RuleNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small" },
    conditionArb,
    fc.record({ all: fc.array(tie("node"), { minLength: 1, maxLength: 3 }) }),
    fc.record({ any: fc.array(tie("node"), { minLength: 1, maxLength: 3 }) }),
    fc.record({ not: tie("node") })
  ),
})).node

const differential = (locale: LocaleKind) =>
moduleIntegrationTestRunner<CustomerSegmentModuleService>({
  moduleName: CUSTOMER_SEGMENT_MODULE,
  resolve: "./src/modules/customer_segment",
  dbName: `mcs-differential-${locale}`,
  moduleModels: [CustomerProfile, CustomerPurchase, CustomerOrder, CustomerSegment, CustomerSegmentMembership, CustomerSegmentRefreshRun],
  testSuite: ({ service, MikroOrmWrapper }) => {
    describe(`compileSql and evaluate agree (${locale} database)`, () => {
      beforeAll(async () => {
        const created = await createLocaleDatabase(`mcs-differential-${locale}`, locale)
        // Says which locale the run really had (the test fails above when the server offers none).
        process.stdout.write(`differential test database: ${created}\n`)
      })

      const customers = fc.sample(factsArb, { numRuns: 160, seed: 20261124 })
      const ids = customers.map((_, i) => `cus_${String(i).padStart(4, "0")}`)

      const profileOf = (f: CustomerFacts, i: number) => ({
        customer_id: ids[i],
        email: f.email,
        first_name: f.first_name,
        last_name: f.last_name,
        has_account: f.has_account,
        customer_added_at: f.customer_added_date,
        group_ids: f.customer_groups,
        source_ids: [],
        countries: f.countries,
        provinces: f.provinces,
        cities: f.cities,
        orders_count: f.number_of_orders,
        spend: f.spend,
        first_order_at: f.first_order_date,
        last_order_at: f.last_order_date,
        metadata: f.metadata,
        open_carts: f.open_carts,
        audience_ids: f.audiences,
        last_activity_at: f.last_activity_date,
      })
      const purchasesOf = (f: CustomerFacts, i: number, tag = "") =>
        f.purchases.map((p, j) => ({ ...p, customer_id: ids[i], order_id: `order${tag}_${i}_${j}` }))
      const ordersOf = (f: CustomerFacts, i: number, tag = "") =>
        f.orders.map((o) => ({ ...o, customer_id: ids[i], order_id: `order${tag}_${i}_${o.order_id}` }))

      // Written as the plugin writes facts (folded once, in JS), memberships of the segments rules name.
      beforeEach(async () => {
        await service.writeCustomerFacts(ids, {
          profiles: customers.map(profileOf),
          purchases: customers.flatMap((f, i) => purchasesOf(f, i)),
          orders: customers.flatMap((f, i) => ordersOf(f, i)),
        })
        await service.applyMembershipChanges(
          SEGMENT_IDS.map((segment) => ({ segment_id: segment, added: ids.filter((_, i) => customers[i].segments.includes(segment)), removed: [] })),
          { source: "manual" }
        )
      })

      const matchingInSql = async (rule: RuleNode): Promise<string[]> => {
        const compiled = compileSql(rule, { now })
        const statement = positional(
          `SELECT p.customer_id FROM customer_profile p WHERE p.deleted_at IS NULL AND ${compiled.sql} ORDER BY p.customer_id`,
          compiled.params
        )
        const knex = MikroOrmWrapper.forkManager().getKnex()
        const result = await knex.raw(statement.sql, statement.bindings)
        return result.rows.map((r: { customer_id: string }) => r.customer_id)
      }

      const matchingInMemory = (rule: RuleNode) =>
        ids.filter((_, i) => evaluate(rule, customers[i], { now, cart: null }))

      it("on 2,000 random rules over 160 random customers", async () => {
        let nonTrivial = 0
        await fc.assert(
          fc.asyncProperty(ruleArb, async (generated) => {
            const checked = validateRule(generated)
            fc.pre(checked.success)
            const rule = (checked as { rule: RuleNode }).rule
            const expected = matchingInMemory(rule)
            if (expected.length > 0 && expected.length < ids.length) {
              nonTrivial += 1
            }
            expect(await matchingInSql(rule)).toEqual(expected)
          }),
          { numRuns: 2000, seed: Number(process.env.DIFFERENTIAL_SEED ?? Date.now() % 1_000_000) }
        )
        // The generators must produce rules that split the customers, not only all-or-nothing answers.
        expect(nonTrivial).toBeGreaterThan(1000)
      })

      it("full refreshes (batched set differences) and real-time checks keep memberships equal to the rule", async () => {
        const APPLIES = ["both", "registered", "guests"] as const
        const rules = fc
          .sample(ruleArb, { numRuns: 400, seed: 7 })
          .map((r) => validateRule(r))
          .filter((r): r is { success: true; rule: RuleNode } => r.success)
          .slice(0, 30)
        const segments = await service.createCustomerSegments(
          rules.map(({ rule }, i) => ({
            name: `Rule ${i}`,
            applies_to: APPLIES[i % 3],
            rule: rule as Record<string, unknown>,
            ...summarizeRule(rule),
          }))
        )
        const expected = (facts: CustomerFacts[], i: number) =>
          ids
            .filter((_, c) => {
              const applies = APPLIES[i % 3] === "both" || (APPLIES[i % 3] === "registered") === facts[c].has_account
              return applies && evaluate(rules[i].rule, facts[c], { now, cart: null })
            })
            .sort()
        const members = async (segmentId: string) =>
          (await service.listCustomerSegmentMemberships({ segment_id: segmentId }, { take: null }))
            .map((m) => m.customer_id)
            .sort()

        // 1. Full refresh from empty, in batches of 17 customers.
        for (const [i, segment] of segments.entries()) {
          const result = await service.refreshSegmentMembers(segment.id, { now, batch_size: 17 })
          const want = expected(customers, i)
          expect(await members(segment.id)).toEqual(want)
          expect(result).toMatchObject({ matched: want.length, added: want.length, removed: 0 })
          expect((await service.retrieveCustomerSegment(segment.id)).member_count).toBe(want.length)
        }

        // 2. A third of the customers change (one disappears): real-time checks follow.
        const changed = fc.sample(factsArb, { numRuns: 60, seed: 99 })
        // Memberships are not facts the sync writes: a changed customer keeps the ones it had.
        // The last activity never moves back (a profile write keeps the later of the stored and the new one).
        const later = (a: Date | null, b: Date | null) => (a && (!b || a > b) ? a : b)
        const next = customers.map((f, c) =>
          c % 3 === 0 ? { ...changed[c / 3], segments: f.segments, last_activity_date: later(f.last_activity_date, changed[c / 3].last_activity_date) } : f
        )
        const touched = ids.filter((_, c) => c % 3 === 0)
        const gone = ids[3]
        const { changes } = await service.writeCustomerFacts(touched, {
          profiles: next.map(profileOf).filter((p, c) => c % 3 === 0 && p.customer_id !== gone),
          purchases: next.flatMap((f, c) => (c % 3 === 0 && ids[c] !== gone ? purchasesOf(f, c, "b") : [])),
          orders: next.flatMap((f, c) => (c % 3 === 0 && ids[c] !== gone ? ordersOf(f, c, "b") : [])),
        })
        await service.evaluateCustomerSegments(changes, now)
        for (const [i, segment] of segments.entries()) {
          const want = expected(next, i).filter((id) => id !== gone)
          expect(await members(segment.id)).toEqual(want)
          expect((await service.retrieveCustomerSegment(segment.id)).member_count).toBe(want.length)
        }

        // 3. A refresh afterwards finds nothing to change.
        for (const segment of segments) {
          expect(await service.refreshSegmentMembers(segment.id, { now, batch_size: 17 })).toMatchObject({ added: 0, removed: 0 })
        }
      })

      it("treats a value meant as SQL as data", async () => {
        const rule = validateRule({ attribute: "first_name", operator: "eq", value: "'; DROP TABLE customer_profile; --" })
        expect(rule.success).toBe(true)
        expect(await matchingInSql((rule as { rule: RuleNode }).rule)).toEqual([])
        const count = await MikroOrmWrapper.forkManager().getKnex().raw("SELECT count(*)::int AS n FROM customer_profile")
        expect(count.rows[0].n).toBe(customers.length)
      })
    })
  },
})

differential("c")
differential("utf8")
