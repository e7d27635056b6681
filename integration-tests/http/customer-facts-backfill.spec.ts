import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import backfillCustomerFactsJob from "../../src/jobs/backfill-customer-facts"
import { CUSTOMER_SEGMENT_MODULE } from "../../src/modules/customer_segment"
import { storedProfile } from "../../src/modules/customer_segment/sql/facts"
import type CustomerSegmentModuleService from "../../src/modules/customer_segment/service"
import { cancelCustomerFactsBackfillWorkflow } from "../../src/workflows/customer-segments"
import { cancelCustomerFactsBackfillStepId } from "../../src/workflows/customer-segments/steps/cancel-customer-facts-backfill"
import { buildDeferredFactsIndexes, runFactsBackfill } from "../../src/workflows/customer-segments/utils/backfill-runner"
import { loadCustomerFacts } from "../../src/workflows/customer-segments/utils/load-customer-facts"
import { queueBackfillIfEmpty } from "../../src/workflows/customer-segments/utils/scheduled"
import { createAdminUser, type AuthHeaders } from "../helpers/admin"
import { checkout, createShop, type Shop } from "../helpers/shop"
import { registerCustomer } from "../helpers/store"
import { eventually } from "../helpers/wait"

jest.setTimeout(240_000)

const failure = (promise: Promise<unknown>) =>
  promise.then(
    (r) => {
      throw new Error(`expected a failure, got ${JSON.stringify((r as { data: unknown }).data)}`)
    },
    (e: any) => e.response ?? e
  )

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: AuthHeaders
    let container: MedusaContainer

    beforeEach(async () => {
      container = getContainer()
      admin = await createAdminUser(container)
    })

    const segments = () => container.resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE)
    const sql = async <T,>(text: string, values: any[] = []) =>
      (await container.resolve(ContainerRegistrationKeys.PG_CONNECTION).raw(text, values)).rows as T[]
    const run = async (id: string) => (await api.get(`/admin/customer-suite/backfills/${id}`, admin)).data.backfill
    const untilEnded = (id: string) =>
      eventually(
        async () => {
          const current = await run(id)
          expect(["succeeded", "failed", "canceled"]).toContain(current.status)
          return current
        },
        { timeout: 60_000, interval: 200 }
      )

    /**
     * A profile of a customer that no longer exists. The projection is then
     * never empty, so the install job (every minute, also in tests) never
     * queues a backfill of its own meanwhile; a backfill removes it.
     */
    const staleProfile = () =>
      segments().createCustomerProfiles([{ customer_id: "cus_gone", group_ids: [], source_ids: [], countries: [], provinces: [], cities: [], spend: {} }])

    /** The projection as stored, without row ids and times, in a stable order. */
    const projection = async () => {
      const profiles = (await segments().listCustomerProfiles({}, { take: null })).map(({ id, created_at, updated_at, deleted_at, ...rest }: any) => rest)
      const purchases = (await segments().listCustomerPurchases({}, { take: null })).map(({ id, created_at, updated_at, deleted_at, raw_quantity, ...rest }: any) => rest)
      const orders = (await sql<Record<string, unknown>>(
        "SELECT customer_id, order_id, currency_code, total::float8 AS total, placed_at FROM customer_order WHERE deleted_at IS NULL"
      ))
      const key = (row: Record<string, unknown>) => JSON.stringify([row.customer_id, row.order_id ?? "", row.product_id ?? ""])
      const sorted = <T extends Record<string, unknown>>(list: T[]) => [...list].sort((a, b) => byCodeUnits(key(a), key(b)))
      return { profiles: sorted(profiles), purchases: sorted(purchases), orders: sorted(orders) }
    }

    /**
     * A store with history the projection knows nothing about: customers with
     * addresses and groups made straight in the customer module (no events),
     * orders through a real storefront checkout (taxes, shipping) and straight
     * in the order module (one canceled, one a draft), an open cart with items.
     */
    const storeWithHistory = async () => {
      const shop: Shop = await createShop(container, { products: [{ title: "Shirt", price: 30 }, { title: "Scarf", price: 12.5 }] })
      const productModule = container.resolve(Modules.PRODUCT)
      const [collection] = await productModule.createProductCollections([{ title: "Summer" }])
      const [category] = await productModule.createProductCategories([{ name: "Tops", is_active: true }])
      await productModule.updateProducts(shop.products[0].id, { collection_id: collection.id, category_ids: [category.id] })
      const customerModule = container.resolve(Modules.CUSTOMER)
      const [vip] = await customerModule.createCustomerGroups([{ name: "VIP" }])
      const made = await customerModule.createCustomers(
        Array.from({ length: 23 }, (_, i) => ({
          email: `C${i}@Example.com`,
          first_name: i % 4 === 0 ? "Zoë" : `Name${i}`,
          last_name: i % 5 === 0 ? "" : "Straße",
          has_account: i % 2 === 0,
          metadata: i === 3 ? { tier: "Gold", visits: 4 } : null,
          addresses: [
            { country_code: i % 3 === 0 ? "DE" : "fr", city: i % 2 ? "Berlin" : "Köln", province: i % 2 ? "BE" : null },
            ...(i % 7 === 0 ? [{ country_code: "us", city: "  " }] : []),
          ],
        }))
      )
      await customerModule.addCustomerToGroup(made.slice(0, 6).map((c) => ({ customer_id: c.id, customer_group_id: vip.id })))
      const orderModule = container.resolve(Modules.ORDER)
      const direct = await orderModule.createOrders(
        made.slice(0, 10).map((c, i) => ({
          customer_id: c.id,
          email: c.email!,
          currency_code: i % 3 === 0 ? "usd" : "eur",
          items: [
            { title: "Shirt", quantity: 2, unit_price: 10.5, product_id: shop.products[0].id },
            ...(i % 2 ? [{ title: "Scarf", quantity: 1, unit_price: 3.25, product_id: shop.products[1].id }, { title: "Shirt again", quantity: 1, unit_price: 10.5, product_id: shop.products[0].id }] : []),
            { title: "Gift wrap", quantity: 1, unit_price: 1 },
          ],
        }))
      )
      await orderModule.updateOrders([
        { id: direct[1].id, status: "canceled" as any },
        { id: direct[2].id, status: "draft" as any },
      ])
      // A registered shopper's real checkout (taxes and shipping in the total) and an open cart.
      const shopper = await registerCustomer(api as any, shop.publishableKey, { email: "shopper@example.com", first_name: "Shop" })
      await checkout(api as any, shop, { lines: [{ variantId: shop.products[0].variantId, quantity: 3 }], headers: shopper.headers, complete: true })
      await checkout(api as any, shop, { lines: [{ variantId: shop.products[1].variantId, quantity: 1 }], headers: shopper.headers })
      return { made, shopper, shop }
    }

    it("queues a run at once (202) that builds the facts in the background, equal to what the real-time path reads", async () => {
      await staleProfile()
      const { made, shopper } = await storeWithHistory()
      // Whatever the real-time subscribers wrote meanwhile goes: the backfill starts from nothing but the stale profile.
      await sql("DELETE FROM customer_profile WHERE customer_id <> 'cus_gone'")
      await sql("TRUNCATE customer_purchase, customer_order")

      const queued = await api.post("/admin/customer-segments/backfill", { batch_size: 10 }, admin)
      expect(queued.status).toBe(202)
      expect(queued.data.backfill).toMatchObject({ status: expect.stringMatching(/^(queued|running|succeeded)$/), trigger: "manual", batch_size: 10, customers_estimate: 24 })
      const ended = await untilEnded(queued.data.backfill.id)
      expect(ended).toMatchObject({
        status: "succeeded",
        progress: 1,
        customers_done: 24,
        // 10 direct orders, one canceled and one a draft, and the checkout's.
        orders_done: 9,
        batches_done: 3,
        estimated_seconds_left: null,
        error: null,
        requested_by: expect.any(String),
      })
      expect(ended.customers_per_second).toBeGreaterThan(0)

      // The same facts the real-time path computes through Query, customer by customer.
      const ids = [...made.map((c) => c.id), shopper.id]
      const expected = await loadCustomerFacts(container, ids)
      const stored = await projection()
      expect(stored.profiles.map((p: any) => p.customer_id)).toEqual([...ids].sort(byCodeUnits))
      const comparable = (p: any) => {
        // last_activity_at is the presence tracker's, written on its own schedule (it may move between the
        // backfill's read and this one): it is left out here.
        const { metadata_folded, email_domain, first_name_folded, last_name_folded, last_activity_at, ...rest } = storedProfile(p) as any
        return {
          ...rest,
          customer_added_at: new Date(rest.customer_added_at).toISOString(),
          first_order_at: rest.first_order_at && new Date(rest.first_order_at).toISOString(),
          last_order_at: rest.last_order_at && new Date(rest.last_order_at).toISOString(),
          folded: [metadata_folded, email_domain, first_name_folded, last_name_folded],
        }
      }
      const storedById = new Map(stored.profiles.map((p: any) => [p.customer_id, comparable(p)]))
      for (const profile of expected.profiles) {
        expect({ id: profile.customer_id, ...storedById.get(profile.customer_id) }).toEqual({ id: profile.customer_id, ...comparable(profile) })
      }
      const purchaseKey = (p: any) => JSON.stringify([p.customer_id, p.order_id, p.product_id, p.collection_id, p.category_ids, p.type_id, p.quantity, new Date(p.purchased_at).toISOString()])
      expect(stored.purchases.map(purchaseKey).sort()).toEqual(expected.purchases.map(purchaseKey).sort())
      const orderKey = (o: any) => JSON.stringify([o.customer_id, o.order_id, o.currency_code, Number(o.total), new Date(o.placed_at).toISOString()])
      expect(stored.orders.map(orderKey).sort()).toEqual(expected.orders.map(orderKey).sort())
      // Spot checks of what was compared: totals with taxes and shipping, folded text, the open cart.
      const shopperProfile = stored.profiles.find((p: any) => p.customer_id === shopper.id) as any
      expect(shopperProfile).toMatchObject({ orders_count: 1, open_carts: [expect.any(String)] })
      expect(shopperProfile.spend.eur.amount).toBeGreaterThan(90)
      expect(stored.profiles.find((p: any) => p.customer_id === made[0].id)).toMatchObject({
        email: "c0@example.com",
        first_name_folded: "zoë",
        countries: ["de", "us"],
        group_ids: [expect.stringMatching(/^cusgroup_/)],
        spend: { usd: { amount: 22, orders: 1 } },
      })
      expect(stored.profiles.find((p: any) => p.customer_id === made[1].id)).toMatchObject({ orders_count: 0, spend: {} })

      // Run again (a repair): the same facts, the stale profile long gone. (The presence tracker writes last
      // activity after its own delay: the shopper's may have arrived between the two runs.)
      const withoutActivity = (p: Awaited<ReturnType<typeof projection>>) => ({
        ...p,
        profiles: p.profiles.map(({ last_activity_at, ...rest }: any) => rest),
      })
      const before = await projection()
      const again = await api.post("/admin/customer-segments/backfill", {}, admin)
      expect(again.status).toBe(202)
      expect(await untilEnded(again.data.backfill.id)).toMatchObject({ status: "succeeded", customers_done: 24, orders_done: 9, batches_done: 1 })
      expect(withoutActivity(await projection())).toEqual(withoutActivity(before))
      const list = await api.get("/admin/customer-suite/backfills?limit=1", admin)
      expect(list.data).toMatchObject({ count: 2, limit: 1, offset: 0, backfills: [{ id: again.data.backfill.id }] })
    })

    it("runs one at a time (409 with the run in progress), can be canceled, and refreshes the dynamic segments after", async () => {
      await staleProfile()
      await container.resolve(Modules.CUSTOMER).createCustomers([{ email: "ada@example.com", has_account: true }, { email: "bob@example.com" }])
      const { data } = await api.post("/admin/customer-segments", { name: "Accounts", query: "has_account = true" }, admin)
      // Queued without its event and held by "another instance" (a lease of 10 minutes): nothing here runs it.
      const waiting = await segments().queueFactsBackfill({ trigger: "manual", requested_by: null, batch_size: 500 })
      expect(await segments().claimFactsBackfill(waiting.id, 600)).toMatchObject({ status: "running" })
      const conflict = await failure(api.post("/admin/customer-segments/backfill", {}, admin))
      expect(conflict.status).toBe(409)
      expect(conflict.data).toMatchObject({ type: "conflict", message: expect.stringContaining(waiting.id), backfill: { id: waiting.id, status: "running" } })

      const canceled = await api.post(`/admin/customer-suite/backfills/${waiting.id}/cancel`, {}, admin)
      expect(canceled.data.backfill).toMatchObject({ id: waiting.id, status: "canceled", finished_at: expect.any(String) })
      expect(await runFactsBackfill(container, waiting.id)).toBe("not_claimed")

      const queued = await api.post("/admin/customer-segments/backfill", {}, admin)
      const ended = await untilEnded(queued.data.backfill.id)
      expect(ended).toMatchObject({ status: "succeeded", customers_done: 2, refresh_run_ids: [expect.stringMatching(/^csegrun_/)] })
      const runs = (await api.get(`/admin/customer-segments/${data.customer_segment.id}/runs`, admin)).data.runs
      expect(runs.find((r: any) => r.id === ended.refresh_run_ids[0])).toMatchObject({ trigger: "backfill" })
      const ended2 = await failure(api.post(`/admin/customer-suite/backfills/${ended.id}/cancel`, {}, admin))
      expect(ended2.status).toBe(409)
    })

    it("puts a canceled run back as it was when the cancel workflow fails after the cancel", async () => {
      const queued = await segments().queueFactsBackfill({ trigger: "manual", requested_by: null, batch_size: 500 })
      const claimed = await segments().claimFactsBackfill(queued.id, 600)
      const workflow = cancelCustomerFactsBackfillWorkflow(container)
      workflow.appendAction("fail", cancelCustomerFactsBackfillStepId, {
        invoke: async () => {
          throw new Error("fail after cancel")
        },
      })
      const { errors } = await workflow.run({ input: { id: queued.id }, throwOnError: false })
      expect(errors[0].error.message).toBe("fail after cancel")
      const [after] = await segments().listCustomerFactsBackfills({ id: queued.id })
      expect(after).toMatchObject({ status: "running", finished_at: null, lease_until: claimed!.lease_until })
    })

    it("resumes from its checkpoint when the instance running it stopped (its lease ran out), and never runs twice at once", async () => {
      await staleProfile()
      const made = await container.resolve(Modules.CUSTOMER).createCustomers(Array.from({ length: 25 }, (_, i) => ({ email: `r${i}@example.com` })))
      const queued = await segments().queueFactsBackfill({ trigger: "manual", requested_by: null, batch_size: 10 })
      // Two batches, then this "instance" stops without a word, as a crash would.
      expect(await runFactsBackfill(container, queued.id, { maxBatches: 2 })).toBe("lost")
      const halfway = await run(queued.id)
      const sortedIds = made.map((c) => c.id).sort(byCodeUnits)
      expect(halfway).toMatchObject({ status: "running", customers_done: 20, batches_done: 2, progress: 0.8, checkpoint: sortedIds[19] })
      expect(halfway.estimated_seconds_left).toEqual(expect.any(Number))
      // Twenty built, and the stale profile (it sorts after them) still there.
      expect((await segments().listCustomerProfiles({}, { take: null })).length).toBe(21)
      // Its lease still holds: nobody else takes it, and the job asks for nothing.
      expect(await runFactsBackfill(container, queued.id)).toBe("not_claimed")
      expect((await backfillCustomerFactsJob(container)).requested).toEqual([])

      // The lease runs out: the job asks for it again; the subscriber resumes after the checkpoint.
      await sql("UPDATE customer_facts_backfill SET lease_until = now() - interval '1 second' WHERE id = ?", [queued.id])
      expect((await backfillCustomerFactsJob(container)).requested).toEqual([queued.id])
      const ended = await untilEnded(queued.id)
      expect(ended).toMatchObject({ status: "succeeded", customers_done: 25, batches_done: 3, checkpoint: sortedIds[24] })
      expect((await segments().listCustomerProfiles({}, { take: null })).length).toBe(25)
    })

    it("into an empty projection, builds its secondary indexes once at its end, and gets them back after a crash and a cancel", async () => {
      const indexes = async () =>
        (await sql<{ indexname: string; indexdef: string }>(
          `SELECT indexname, indexdef FROM pg_indexes WHERE tablename IN ('customer_profile', 'customer_order', 'customer_purchase')`
        ))
          .map((r) => `${r.indexname}: ${r.indexdef}`)
          .sort(byCodeUnits)
      const before = await indexes()
      expect(before.filter((d) => d.startsWith("IDX_cprof_grid_")).length).toBeGreaterThan(10)
      await staleProfile()
      const made = await container.resolve(Modules.CUSTOMER).createCustomers(Array.from({ length: 25 }, (_, i) => ({ email: `x${i}@example.com`, first_name: `X${i}` })))

      // One profile for 25 customers: under a tenth, so the indexes are deferred (from 0 customers here, 100,000 by default).
      const queued = await segments().queueFactsBackfill({ trigger: "manual", requested_by: null, batch_size: 10 })
      expect(await runFactsBackfill(container, queued.id, { maxBatches: 1, deferIndexesMin: 0 })).toBe("lost")
      const during = await indexes()
      const pending = (await run(queued.id)).indexes_pending as string[]
      // Kept: primary keys, unique indexes, and the customer_id indexes each batch deletes by.
      expect(during).toEqual(before.filter((d) => !pending.includes(d.slice(0, d.indexOf(":")))))
      expect(pending).toEqual(expect.arrayContaining(["IDX_cprof_grid_orders", "IDX_customer_profile_email_domain", "IDX_customer_purchase_collection_id"]))
      expect(during).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^IDX_customer_profile_customer_id_unique: CREATE UNIQUE INDEX/),
          expect.stringMatching(/^IDX_customer_order_customer_id_placed_at: /),
          expect.stringMatching(/^IDX_customer_purchase_customer_id_product_id: /),
        ])
      )
      // The crashed run resumes (no second deferral) and builds them at its end.
      await sql("UPDATE customer_facts_backfill SET lease_until = now() - interval '1 second' WHERE id = ?", [queued.id])
      expect(await runFactsBackfill(container, queued.id, { deferIndexesMin: 0 })).toBe("succeeded")
      expect(await indexes()).toEqual(before)
      expect(await run(queued.id)).toMatchObject({ status: "succeeded", customers_done: 25, indexes_pending: [] })
      expect((await segments().listCustomerProfiles({ customer_id: made.map((c) => c.id) }, { take: null })).length).toBe(25)

      // Emptied again; a run that defers, then is canceled while its instance is gone: the job builds them.
      await sql("DELETE FROM customer_profile WHERE customer_id <> 'cus_gone'")
      const second = await segments().queueFactsBackfill({ trigger: "manual", requested_by: null, batch_size: 10 })
      expect(await runFactsBackfill(container, second.id, { maxBatches: 1, deferIndexesMin: 0 })).toBe("lost")
      expect((await run(second.id)).indexes_pending.length).toBe(pending.length)
      await api.post(`/admin/customer-suite/backfills/${second.id}/cancel`, {}, admin)
      expect((await backfillCustomerFactsJob(container)).indexes_built_for).toEqual([second.id])
      expect(await indexes()).toEqual(before)
      expect(await run(second.id)).toMatchObject({ status: "canceled", indexes_pending: [] })
      expect((await backfillCustomerFactsJob(container)).indexes_built_for).toEqual([])

      // An index that cannot be built again is given up (recorded with its definition), not retried every
      // minute; the next one is built, its definition taken as written (a jsonb "?" is no placeholder).
      const bogus = { name: "IDX_bogus", table: "customer_profile", definition: 'CREATE INDEX "IDX_bogus" ON public.customer_profile USING btree (no_such_column)' }
      const question = {
        name: "IDX_cprof_vip_flag",
        table: "customer_profile",
        definition: `CREATE INDEX "IDX_cprof_vip_flag" ON public.customer_profile USING btree (customer_id) WHERE (metadata ? 'vip'::text)`,
      }
      await sql("UPDATE customer_facts_backfill SET deferred_indexes = ?::jsonb WHERE id = ?", [JSON.stringify([bogus, question]), second.id])
      expect((await backfillCustomerFactsJob(container)).indexes_built_for).toEqual([second.id])
      expect(await indexes()).toEqual([...before, `IDX_cprof_vip_flag: ${question.definition}`].sort(byCodeUnits))
      const given = await run(second.id)
      expect(given.indexes_pending).toEqual([])
      expect(given.error).toMatch(/^index IDX_bogus could not be built again \(.*column "no_such_column" does not exist\); create it with: /)
      expect(given.error).toContain(bogus.definition)
      expect(given.error).not.toContain("IDX_cprof_vip_flag")
      await sql('DROP INDEX "IDX_cprof_vip_flag"')

      // A projection that is not empty keeps its indexes.
      const third = await segments().queueFactsBackfill({ trigger: "manual", requested_by: null, batch_size: 10 })
      await sql("UPDATE customer_facts_backfill SET customers_estimate = 50 WHERE id = ?", [third.id])
      expect(await runFactsBackfill(container, third.id, { maxBatches: 1, deferIndexesMin: 0 })).toBe("lost")
      expect(await indexes()).toEqual(before)
      expect((await run(third.id)).indexes_pending).toEqual([])
    })

    it("builds every deferred index of a run canceled under it (its lease renewals refused), and tells the runner it lost the run", async () => {
      await staleProfile()
      const queued = await segments().queueFactsBackfill({ trigger: "manual", requested_by: null, batch_size: 10 })
      const claimed = (await segments().claimFactsBackfill(queued.id, 600))!
      const deferred = ["a", "b", "c"].map((k) => ({
        name: `IDX_cprof_test_${k}`,
        table: "customer_profile",
        definition: `CREATE INDEX "IDX_cprof_test_${k}" ON public.customer_profile USING btree (customer_id, orders_count) WHERE (email_domain = '${k}.example'::text)`,
      }))
      await sql("UPDATE customer_facts_backfill SET deferred_indexes = ?::jsonb WHERE id = ?", [JSON.stringify(deferred), queued.id])
      const built = async () =>
        (await sql<{ indexname: string }>(`SELECT indexname FROM pg_indexes WHERE tablename = 'customer_profile' AND indexname LIKE 'IDX\\_cprof\\_test\\_%'`))
          .map((r) => r.indexname)
          .sort(byCodeUnits)
      expect(await built()).toEqual([])

      // Held, its lease renews; canceled (by staff, on another instance) while the runner holds it: refused.
      const lease = await segments().renewFactsBackfillLease(queued.id, new Date(claimed.lease_until!), 600)
      expect(lease).not.toBeNull()
      expect((await api.post(`/admin/customer-suite/backfills/${queued.id}/cancel`, {}, admin)).status).toBe(200)
      try {
        // Each renewal records how many of the indexes were built when it was refused.
        const refusedAt: number[] = []
        const held = await buildDeferredFactsIndexes(container, queued.id, {
          renew: async () => {
            const builtThen = (await built()).length
            const renewed = await segments().renewFactsBackfillLease(queued.id, new Date(lease!), 600)
            if (renewed === null) {
              refusedAt.push(builtThen)
            }
            return renewed !== null
          },
          everyMs: 1,
        })
        expect(held).toBe(false)
        // Refused before the last index was built (a renewal every millisecond, three builds), and it went on.
        expect(refusedAt[0]).toBeLessThan(deferred.length)
        expect(await built()).toEqual(deferred.map((d) => d.name))
        expect(await run(queued.id)).toMatchObject({ status: "canceled", indexes_pending: [] })
      } finally {
        for (const d of deferred) {
          await sql(`DROP INDEX IF EXISTS "${d.name}"`)
        }
      }
    })

    it("removes only the profiles of customers that are gone, never one written meanwhile for a new customer", async () => {
      await staleProfile()
      const [ada, bob] = await container.resolve(Modules.CUSTOMER).createCustomers([{ email: "ada@example.com" }, { email: "bob@example.com" }])
      // Bob signed up after the last batch read its ids; real time wrote his profile.
      await segments().createCustomerProfiles([{ customer_id: bob.id, email: "bob@example.com", group_ids: [], source_ids: [], countries: [], provinces: [], cities: [], spend: {} }])
      const queued = await segments().queueFactsBackfill({ trigger: "manual", requested_by: null, batch_size: 10 })
      const claimed = await segments().claimFactsBackfill(queued.id, 60)
      await segments().writeFactsBackfillBatch(
        { id: queued.id, lease_until: claimed!.lease_until!, lease_seconds: 60 },
        { customerIds: [ada.id], after: null, upto: null, audiences: new Map(), lastSeen: new Map() }
      )
      const left = (await segments().listCustomerProfiles({}, { take: null })).map((p) => p.customer_id).sort(byCodeUnits)
      expect(left).toEqual([ada.id, bob.id].sort(byCodeUnits))
    })

    it("is queued by the job after install, when the projection is empty and the store has customers", async () => {
      expect(await queueBackfillIfEmpty(container)).toBeNull()
      const [ada] = await container.resolve(Modules.CUSTOMER).createCustomers([{ email: "ada@example.com" }])
      const id = await queueBackfillIfEmpty(container)
      expect(id).toEqual(expect.stringMatching(/^cfbf_/))
      // Queued or running: not twice.
      expect(await queueBackfillIfEmpty(container)).toBeNull()
      expect(await untilEnded(id!)).toMatchObject({ status: "succeeded", trigger: "install", customers_done: 1 })
      expect(await segments().listCustomerProfiles({ customer_id: ada.id })).toMatchObject([{ email: "ada@example.com", orders_count: 0 }])
      expect(await queueBackfillIfEmpty(container)).toBeNull()
    })

    it("refuses bad input with a 400 naming the field, and answers 404 for an unknown run", async () => {
      for (const [body, field] of [
        [{ batch_size: 1 }, "batch_size"],
        [{ batch_size: 50_000 }, "batch_size"],
        [{ batch_size: "100" }, "batch_size"],
        [{ size: 100 }, "size"],
      ] as const) {
        const bad = await failure(api.post("/admin/customer-segments/backfill", body, admin))
        expect(bad.status).toBe(400)
        expect(bad.data.message).toContain(field)
      }
      for (const [query, field] of [["limit=0", "limit"], ["status=done", "status"], ["offset=-1", "offset"]]) {
        const bad = await failure(api.get(`/admin/customer-suite/backfills?${query}`, admin))
        expect(bad.status).toBe(400)
        expect(bad.data.message).toContain(field)
      }
      expect((await failure(api.get("/admin/customer-suite/backfills/cfbf_unknown", admin))).status).toBe(404)
      expect((await failure(api.post("/admin/customer-suite/backfills/cfbf_unknown/cancel", {}, admin))).status).toBe(404)
      expect(await segments().listCustomerFactsBackfills({})).toEqual([])
    })
  },
})
