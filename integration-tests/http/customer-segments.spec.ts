import type { Event, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createCustomersWorkflow, linkCustomersToCustomerGroupWorkflow, updateCustomersWorkflow } from "@medusajs/medusa/core-flows"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { CUSTOMER_SEGMENT_MODULE, CustomerSegmentEvents, type MembershipChangedPayload } from "../../src/modules/customer_segment"
import type CustomerSegmentModuleService from "../../src/modules/customer_segment/service"
import {
  createCustomerSegmentsWorkflow,
  createCustomerSegmentsWorkflowId,
  syncCustomerFactsWorkflow,
  updateCustomerSegmentWorkflow,
} from "../../src/workflows/customer-segments"
import { updateCustomerSegmentStepId } from "../../src/workflows/customer-segments/steps/update-customer-segment"
import { REALTIME_PARALLEL_SYNCS, syncFactsOf } from "../../src/workflows/customer-segments/utils/realtime"
import { refreshScheduledSegments } from "../../src/workflows/customer-segments/utils/scheduled"
import { createCustomerSegmentsStepId } from "../../src/workflows/customer-segments/steps/create-customer-segments"
import { syncCustomerFactsStepId } from "../../src/workflows/customer-segments/steps/sync-customer-facts"
import { createAdminUser, type AuthHeaders } from "../helpers/admin"
import { createPublishableKey, registerCustomer } from "../helpers/store"
import { eventually } from "../helpers/wait"
import { removeFromGroup } from "../../src/workflows/customer-groups/utils/mirror-group"

jest.setTimeout(180_000)

const failure = (promise: Promise<unknown>) =>
  promise.then(
    (r) => {
      throw new Error(`expected a failure, got ${JSON.stringify((r as { data: unknown }).data)}`)
    },
    (e: any) => e.response ?? e
  )

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: AuthHeaders
    let container: MedusaContainer

    beforeEach(async () => {
      container = getContainer()
      admin = await createAdminUser(container)
    })

    const segments = () => container.resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE)

    const createCustomers = async (data: Record<string, unknown>[]) => {
      const { result } = await createCustomersWorkflow(container).run({ input: { customersData: data as any } })
      return result
    }

    /** Orders straight in the order module, announced the way Medusa's checkout does. */
    const placeOrder = async (customerId: string, currency: string, unitPrice: number, quantity = 1, productId?: string) => {
      const orderModule = container.resolve(Modules.ORDER)
      const [order] = await orderModule.createOrders([
        {
          customer_id: customerId,
          email: "buyer@example.com",
          currency_code: currency,
          items: [{ title: "Tee", quantity, unit_price: unitPrice, product_id: productId }],
        },
      ])
      await container.resolve(Modules.EVENT_BUS).emit({ name: "order.placed", data: { id: order.id } })
      return order
    }

    const memberIds = async (segmentId: string) => {
      const { data } = await api.get(`/admin/customer-segments/${segmentId}/customers?limit=200`, admin)
      return data.customers.map((c: { id: string }) => c.id).sort()
    }

    const lastRun = async (segmentId: string) => {
      const { data } = await api.get(`/admin/customer-segments/${segmentId}/runs`, admin)
      return data.runs[0]
    }

    const profileOf = async (customerId: string) => (await segments().readCustomerFacts([customerId])).profiles[0]

    describe("rule engine routes", () => {
      it("lists the attribute registry with operators, their text form and value format", async () => {
        const { data } = await api.get("/admin/customer-segments/attributes", admin)
        const byName = Object.fromEntries(data.attributes.map((a: any) => [a.name, a]))
        expect(byName.amount_spent).toMatchObject({ type: "money", guest: false, label: "Amount spent" })
        expect(byName.amount_spent.operators).toContainEqual({
          operator: "gte",
          text: ">=",
          value: "an amount with a currency, e.g. 500 EUR, optionally within dates: 500 EUR SINCE -90d UNTIL 2026-06-30",
        })
        expect(byName.average_order_value.operators).toContainEqual({
          operator: "gte",
          text: ">=",
          value: "an amount with a currency, e.g. 500 EUR",
        })
        expect(byName.cart_products).toMatchObject({ type: "purchases", guest: true, current_cart: true })
        expect(byName.abandoned_cart_date).toMatchObject({ guest: true, current_cart: false })
        const currentCart = data.attributes.filter((a: { current_cart: boolean }) => a.current_cart).map((a: { name: string }) => a.name)
        expect(currentCart.sort()).toEqual(["cart_item_count", "cart_products", "cart_subtotal"])
        expect(byName.customer_groups.picker).toBe("customer_group")
      })

      it("parses text to a rule and prints a rule back", async () => {
        const { data } = await api.post(
          "/admin/customer-segments/parse",
          { query: "amount_spent >= 500 EUR and (countries contains 'DE' or number_of_orders > 3) and last_order_date > -90d" },
          admin
        )
        expect(data.rule).toEqual({
          all: [
            { attribute: "amount_spent", operator: "gte", value: { amount: 500, currency_code: "eur" } },
            {
              any: [
                { attribute: "countries", operator: "contains", value: "de" },
                { attribute: "number_of_orders", operator: "gt", value: 3 },
              ],
            },
            { attribute: "last_order_date", operator: "gt", value: "-90d" },
          ],
        })
        expect(data.relative_dates).toBe(true)
        expect(data.attributes).toEqual(["amount_spent", "countries", "last_order_date", "number_of_orders"])
        const printed = await api.post("/admin/customer-segments/parse", { rule: data.rule }, admin)
        expect(printed.data.query).toBe(data.query)
        expect(printed.data.rule).toEqual(data.rule)
      })

      it("answers bad rules with 400 naming the line and column, attribute, operator or path", async () => {
        const syntax = await failure(api.post("/admin/customer-segments/parse", { query: "number_of_orders >\n AND" }, admin))
        expect(syntax.status).toBe(400)
        expect(syntax.data.message).toMatch(/^query: Line 2, column 2/)

        const attribute = await failure(api.post("/admin/customer-segments/parse", { query: "shoe_size > 3" }, admin))
        expect(attribute.status).toBe(400)
        expect(attribute.data.message).toContain("shoe_size")

        const operator = await failure(
          api.post("/admin/customer-segments/preview", { rule: { attribute: "email", operator: "gt", value: "a" } }, admin)
        )
        expect(operator.status).toBe(400)
        expect(operator.data.message).toMatch(/rule\.operator/)

        const value = await failure(
          api.post("/admin/customer-segments/preview", { rule: { all: [{ attribute: "number_of_orders", operator: "gt", value: "many" }] } }, admin)
        )
        expect(value.status).toBe(400)
        expect(value.data.message).toMatch(/rule\.all\.0\.value/)

        let deep: any = { attribute: "has_account", operator: "eq", value: true }
        for (let i = 0; i < 11; i++) {
          deep = { not: deep }
        }
        const bounded = await failure(api.post("/admin/customer-segments/preview", { rule: deep }, admin))
        expect(bounded.status).toBe(400)
        expect(bounded.data.message).toMatch(/10 levels/)
      })
    })

    describe("segments", () => {
      it("creates a dynamic segment from a query, fills it in the background and records the run", async () => {
        const [ada, bob, cem] = await createCustomers([
          { email: "ada@example.com", first_name: "Ada", has_account: true },
          { email: "bob@example.com", first_name: "Bob" },
          { email: "cem@shop.io", first_name: "Cem", has_account: true },
        ])
        for (const customer of [ada, bob, cem]) {
          await eventually(async () => expect(await profileOf(customer.id)).toBeDefined())
        }

        const { data } = await api.post(
          "/admin/customer-segments",
          { name: "Example.com", query: "email_domain = 'example.com'" },
          admin
        )
        expect(data.customer_segment).toMatchObject({
          name: "Example.com",
          kind: "dynamic",
          applies_to: "both",
          status: "active",
          query: "email_domain = 'example.com'",
          rule: { attribute: "email_domain", operator: "eq", value: "example.com" },
          attributes: ["email_domain"],
          relative_dates: false,
        })
        const id = data.customer_segment.id
        await eventually(async () => expect(await memberIds(id)).toEqual([ada.id, bob.id].sort()))
        await eventually(async () =>
          expect(await lastRun(id)).toMatchObject({ trigger: "saved", status: "succeeded", matched: 2, added: 2, removed: 0 })
        )
        const segment = (await api.get(`/admin/customer-segments/${id}`, admin)).data.customer_segment
        expect(segment.member_count).toBe(2)
        expect(segment.last_refreshed_at).not.toBeNull()

        // registered only: Bob (a guest) leaves on the next refresh
        const updated = await api.post(`/admin/customer-segments/${id}`, { applies_to: "registered" }, admin)
        expect(updated.data.customer_segment).toMatchObject({ applies_to: "registered", query: "email_domain = 'example.com'", rule: { attribute: "email_domain" } })
        await eventually(async () => expect(await memberIds(id)).toEqual([ada.id]))
        await eventually(async () => expect(await lastRun(id)).toMatchObject({ status: "succeeded", added: 0, removed: 1 }))

        // a manual refresh answers with the queued run
        const refresh = await api.post(`/admin/customer-segments/${id}/refresh`, {}, admin)
        expect(refresh.status).toBe(202)
        expect(refresh.data.run).toMatchObject({ trigger: "manual", status: "queued" })
        await eventually(async () =>
          expect((await lastRun(id))).toMatchObject({ id: refresh.data.run.id, status: "succeeded", matched: 1, added: 0, removed: 0 })
        )

        const list = await api.get("/admin/customer-segments?q=example&status=active", admin)
        expect(list.data).toMatchObject({ count: 1, offset: 0, limit: 20 })
        expect((await api.get("/admin/customer-segments?kind=static", admin)).data.count).toBe(0)
      })

      it("streams a large refresh's membership changes as events of at most 1,000 ids", async () => {
        // 6,200 profiles straight in the projection (more than one batch of segments.batch_size 5,000)
        const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
        await knex.raw(
          `INSERT INTO customer_profile (id, customer_id, email, email_domain, has_account, group_ids, source_ids, countries, provinces, cities, spend)
           SELECT 'cprof_bulk_' || lpad(i::text, 5, '0'), 'cus_bulk_' || lpad(i::text, 5, '0'), 'c' || i || '@bulk.test', 'bulk.test',
             i % 2 = 0, '{}', '{}', '{}', '{}', '{}', '{}'::jsonb
           FROM generate_series(1, 6200) AS i`
        )
        const bulk = Array.from({ length: 6200 }, (_, i) => `cus_bulk_${String(i + 1).padStart(5, "0")}`)
        const events: MembershipChangedPayload[] = []
        const eventBus = container.resolve(Modules.EVENT_BUS)
        const listener = async ({ data }: Event) => {
          events.push(data as MembershipChangedPayload)
        }
        const subscription = { subscriberId: "customer-suite-test-membership-events" }
        eventBus.subscribe(CustomerSegmentEvents.MEMBERSHIP_CHANGED, listener, subscription)
        try {
          const { data } = await api.post("/admin/customer-segments", { name: "Bulk", query: "email_domain = 'bulk.test'" }, admin)
          const id = data.customer_segment.id
          await eventually(async () => expect(await lastRun(id)).toMatchObject({ status: "succeeded", matched: 6200, added: 6200, removed: 0 }))
          const ofSegment = () => events.filter((e) => e.segment_id === id)
          await eventually(async () => expect(ofSegment().flatMap((e) => e.added)).toHaveLength(6200))
          // one batch of 5,000 then one of 1,200: 5 + 2 events, none over 1,000 ids
          expect(ofSegment().map((e) => e.added.length + e.removed.length)).toEqual([1000, 1000, 1000, 1000, 1000, 1000, 200])
          expect(ofSegment().flatMap((e) => e.added).sort()).toEqual(bulk)
          expect(ofSegment().flatMap((e) => e.removed)).toEqual([])

          // the guests leave (3,100): removals are streamed the same way
          events.length = 0
          await api.post(`/admin/customer-segments/${id}`, { applies_to: "registered" }, admin)
          await eventually(async () => expect(await lastRun(id)).toMatchObject({ status: "succeeded", matched: 3100, added: 0, removed: 3100 }))
          await eventually(async () => expect(ofSegment().flatMap((e) => e.removed)).toHaveLength(3100))
          expect(ofSegment().map((e) => e.removed.length)).toEqual([1000, 1000, 1000, 100])
          expect(ofSegment().flatMap((e) => e.added)).toEqual([])
          expect(ofSegment().flatMap((e) => e.removed).sort()).toEqual(bulk.filter((_, i) => (i + 1) % 2 === 1))
        } finally {
          eventBus.unsubscribe(CustomerSegmentEvents.MEMBERSHIP_CHANGED, listener, subscription)
        }
      })

      it("keeps memberships current in real time as customers, groups and orders change", async () => {
        const [ada, bob] = await createCustomers([
          { email: "ada@example.com", first_name: "Ada", has_account: true },
          { email: "bob@example.com", first_name: "Bob", has_account: true },
        ])
        const customerModule = container.resolve(Modules.CUSTOMER)
        const [vip] = await customerModule.createCustomerGroups([{ name: "VIP" }])
        const { data } = await api.post(
          "/admin/customer-segments",
          {
            name: "VIP spenders",
            query: `customer_groups CONTAINS '${vip.id}' AND amount_spent >= 100 EUR`,
          },
          admin
        )
        const id = data.customer_segment.id
        await eventually(async () => expect(await lastRun(id)).toMatchObject({ status: "succeeded", matched: 0 }))

        await linkCustomersToCustomerGroupWorkflow(container).run({ input: { id: vip.id, add: [ada.id, bob.id] } })
        await eventually(async () => expect((await profileOf(bob.id)).group_ids).toEqual([vip.id]))
        expect(await memberIds(id)).toEqual([])

        await placeOrder(ada.id, "eur", 60, 2, "prod_tee")
        await placeOrder(bob.id, "usd", 500)
        await eventually(async () => expect(await memberIds(id)).toEqual([ada.id]))
        expect((await profileOf(ada.id)).spend).toEqual({ eur: { amount: 120, orders: 1 } })
        // Bob's order arrives on its own: 500 USD never counts towards an amount in EUR
        await eventually(async () => expect((await profileOf(bob.id)).spend).toEqual({ usd: { amount: 500, orders: 1 } }))
        expect(await memberIds(id)).toEqual([ada.id])

        const mine = await api.get(`/admin/customers/${ada.id}/customer-segments`, admin)
        expect(mine.data.customer_segments.map((s: { id: string }) => s.id)).toEqual([id])

        // leaving the group leaves the segment
        await linkCustomersToCustomerGroupWorkflow(container).run({ input: { id: vip.id, remove: [ada.id] } })
        await eventually(async () => expect(await memberIds(id)).toEqual([]))

        // a profile change only re-evaluates segments reading it
        await updateCustomersWorkflow(container).run({
          input: { selector: { id: ada.id }, update: { metadata: { tier: "gold" } } },
        })
        await eventually(async () => expect((await profileOf(ada.id)).metadata).toEqual({ tier: "gold" }))
        // profile, address and group events keep the stored order facts (no order is read again)
        expect(await profileOf(ada.id)).toMatchObject({ orders_count: 1, spend: { eur: { amount: 120, orders: 1 } }, group_ids: [] })
        expect(await segments().listCustomerPurchases({ customer_id: ada.id })).toHaveLength(1)
        expect(await segments().listCustomerOrders({ customer_id: ada.id })).toMatchObject([{ currency_code: "eur", total: 120 }])
        expect((await api.get(`/admin/customer-segments/${id}`, admin)).data.customer_segment.member_count).toBe(0)
      })

      it("counts canceled orders out and removes deleted customers from every segment", async () => {
        const [ada] = await createCustomers([{ email: "ada@example.com", has_account: true }])
        const { data } = await api.post("/admin/customer-segments", { name: "Buyers", query: "number_of_orders >= 1" }, admin)
        const id = data.customer_segment.id
        const { data: staticData } = await api.post("/admin/customer-segments", { name: "Picked", kind: "static" }, admin)
        await api.post(`/admin/customer-segments/${staticData.customer_segment.id}/customers`, { add: [ada.id] }, admin)

        const order = await placeOrder(ada.id, "eur", 30)
        await eventually(async () => expect(await memberIds(id)).toEqual([ada.id]))

        await container.resolve(Modules.ORDER).cancel(order.id)
        await container.resolve(Modules.EVENT_BUS).emit({ name: "order.canceled", data: { id: order.id } })
        await eventually(async () => expect(await memberIds(id)).toEqual([]))
        expect((await profileOf(ada.id)).orders_count).toBe(0)

        await placeOrder(ada.id, "eur", 30)
        await eventually(async () => expect(await memberIds(id)).toEqual([ada.id]))
        await container.resolve(Modules.CUSTOMER).softDeleteCustomers([ada.id])
        await container.resolve(Modules.EVENT_BUS).emit({ name: "customer.deleted", data: { id: ada.id } })
        await eventually(async () => expect(await memberIds(id)).toEqual([]))
        expect(await memberIds(staticData.customer_segment.id)).toEqual([])
        expect(await profileOf(ada.id)).toBeUndefined()
      })

      it("previews a rule without writing, and explains a customer's membership with the facts", async () => {
        const [ada, bob] = await createCustomers([
          { email: "ada@example.com", first_name: "Ada", has_account: true },
          { email: "bob@example.com", first_name: "Bob", has_account: true },
        ])
        await placeOrder(ada.id, "eur", 250)
        await eventually(async () => expect((await profileOf(ada.id)).orders_count).toBe(1))

        const preview = await api.post(
          "/admin/customer-segments/preview",
          { query: "amount_spent > 200 EUR", limit: 5 },
          admin
        )
        expect(preview.data).toEqual({
          count: 1,
          customers: [{ id: ada.id, email: "ada@example.com", first_name: "Ada", last_name: null, has_account: true }],
        })
        expect(await segments().listCustomerSegmentMemberships({})).toHaveLength(0)

        const { data } = await api.post(
          "/admin/customer-segments",
          { name: "Big", query: "amount_spent > 200 EUR AND first_name = 'Ada'" },
          admin
        )
        const id = data.customer_segment.id
        await eventually(async () => expect(await memberIds(id)).toEqual([ada.id]))

        const held = (await api.get(`/admin/customer-segments/${id}/explain?customer_id=${ada.id}`, admin)).data.explanation
        expect(held).toMatchObject({ segment_id: id, customer_id: ada.id, member: true, matches: true, applies: true })
        expect(held.explanation).toMatchObject({
          type: "all",
          result: true,
          children: [
            { type: "condition", result: true, text: "amount_spent > 200 EUR", fact: { amount: 250, currency_code: "eur" } },
            { type: "condition", result: true, text: "first_name = 'Ada'", fact: "Ada" },
          ],
        })
        const failed = (await api.get(`/admin/customer-segments/${id}/explain?customer_id=${bob.id}`, admin)).data.explanation
        expect(failed).toMatchObject({ member: false, matches: false })
        expect(failed.explanation.children[0]).toMatchObject({ result: false, fact: { amount: 0, currency_code: "eur" } })

        const missing = await failure(api.get(`/admin/customer-segments/${id}/explain?customer_id=cus_nobody`, admin))
        expect(missing.status).toBe(404)
        const noParam = await failure(api.get(`/admin/customer-segments/${id}/explain`, admin))
        expect(noParam.status).toBe(400)
        expect(noParam.data.message).toContain("customer_id")
      })

      it("matches the amount spent within dates: over 500 EUR in the last 90 days", async () => {
        const query = "amount_spent > 500 EUR SINCE -90d"
        const parsed = (await api.post("/admin/customer-segments/parse", { query }, admin)).data
        expect(parsed).toMatchObject({
          query,
          rule: { attribute: "amount_spent", operator: "gt", value: { amount: 500, currency_code: "eur", since: "-90d" } },
          attributes: ["amount_spent"],
          relative_dates: true,
        })
        expect((await api.post("/admin/customer-segments/parse", { rule: parsed.rule }, admin)).data.query).toBe(query)

        const [ada, bob, cem] = await createCustomers(
          ["ada", "bob", "cem"].map((name) => ({ email: `${name}@example.com`, has_account: true }))
        )
        for (const customer of [ada, bob, cem]) {
          await eventually(async () => expect(await profileOf(customer.id)).toBeDefined())
        }
        const { data } = await api.post("/admin/customer-segments", { name: "Recent big spenders", query }, admin)
        const id = data.customer_segment.id
        await eventually(async () => expect(await lastRun(id)).toMatchObject({ status: "succeeded", matched: 0 }))

        // Orders straight in the order module, then back-dated: Ada 600 EUR 10 days ago; Bob 600 EUR
        // 200 days ago and 100 EUR 10 days ago; Cem 300 EUR twice within 90 days, and 900 USD.
        const orderModule = container.resolve(Modules.ORDER)
        const bought: [typeof ada, string, number, number][] = [
          [ada, "eur", 600, 10],
          [bob, "eur", 600, 200],
          [bob, "eur", 100, 10],
          [cem, "eur", 300, 80],
          [cem, "eur", 300, 5],
          [cem, "usd", 900, 5],
        ]
        // One at a time: a batch create does not answer in input order (ids made in the same millisecond sort
        // randomly), and the back-dating below goes by index.
        const orders = []
        for (const [customer, currency, price] of bought) {
          orders.push(
            await orderModule.createOrders({
              customer_id: customer.id,
              email: customer.email,
              currency_code: currency,
              items: [{ title: "Tee", quantity: 1, unit_price: price }],
            })
          )
        }
        const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
        for (const [i, order] of orders.entries()) {
          await pg.raw(`UPDATE "order" SET created_at = now() - make_interval(days => ?) WHERE id = ?`, [bought[i][3], order.id])
        }
        // Real time: the synced facts move the members
        await syncCustomerFactsWorkflow(container).run({ input: { customer_ids: [ada.id, bob.id, cem.id] } })
        expect(await memberIds(id)).toEqual([ada.id, cem.id].sort())
        expect((await profileOf(bob.id)).spend).toEqual({ eur: { amount: 700, orders: 2 } })
        expect(await segments().listCustomerOrders({ customer_id: bob.id })).toHaveLength(2)

        // and a full refresh agrees
        const refresh = await api.post(`/admin/customer-segments/${id}/refresh`, {}, admin)
        await eventually(async () =>
          expect(await lastRun(id)).toMatchObject({ id: refresh.data.run.id, status: "succeeded", matched: 2, added: 0, removed: 0 })
        )
        const explained = (await api.get(`/admin/customer-segments/${id}/explain?customer_id=${bob.id}`, admin)).data.explanation
        expect(explained.explanation).toMatchObject({ result: false, fact: { amount: 100, currency_code: "eur", since: "-90d" } })
      })

      it("validates segment input, naming the field", async () => {
        const cases: [Record<string, unknown>, RegExp][] = [
          [{ name: "" }, /name/],
          [{ name: "No rule" }, /^rule: a dynamic segment needs a rule/],
          [{ name: "Both", query: "has_account = true", rule: { attribute: "has_account", operator: "eq", value: true } }, /rule, query/],
          [{ name: "Static", kind: "static", query: "has_account = true" }, /^query: a static segment/],
          [{ name: "Kind", kind: "sometimes", query: "has_account = true" }, /kind/],
          [{ name: "Extra", query: "has_account = true", colour: "red" }, /colour/],
        ]
        for (const [body, message] of cases) {
          const error = await failure(api.post("/admin/customer-segments", body, admin))
          expect(error.status).toBe(400)
          expect(error.data.message).toMatch(message)
        }
        expect((await api.get("/admin/customer-segments", admin)).data.count).toBe(0)
        for (const url of [
          "/admin/customer-segments?offset=1e21",
          "/admin/customer-segments?limit=100000",
          "/admin/customer-segments/cseg_x/explain?customer_id=cus%00x",
        ]) {
          const error = await failure(api.get(url, admin))
          expect(error.status).toBe(400)
          expect(error.data.message).toMatch(/offset|limit|customer_id/)
        }
        const unknown = await failure(api.get("/admin/customer-segments/cseg_missing", admin))
        expect(unknown.status).toBe(404)
      })

      it("treats SQL in a value as data", async () => {
        await createCustomers([{ email: "ada@example.com", first_name: "Ada" }])
        const injection = "'; DROP TABLE customer; --"
        const { data } = await api.post(
          "/admin/customer-segments",
          { name: "Injection", rule: { attribute: "first_name", operator: "eq", value: injection } },
          admin
        )
        await eventually(async () => expect(await lastRun(data.customer_segment.id)).toMatchObject({ status: "succeeded", matched: 0 }))
        const preview = await api.post("/admin/customer-segments/preview", { query: `last_name = '${injection.replace(/'/g, "''")}'` }, admin)
        expect(preview.data.count).toBe(0)
        const [, count] = await container.resolve(Modules.CUSTOMER).listAndCountCustomers({})
        expect(count).toBe(1)
      })

      it("takes hand-picked members on static segments only", async () => {
        const [ada, bob] = await createCustomers([{ email: "ada@example.com" }, { email: "bob@example.com" }])
        const { data } = await api.post("/admin/customer-segments", { name: "Picked", kind: "static" }, admin)
        const id = data.customer_segment.id

        const added = await api.post(`/admin/customer-segments/${id}/customers`, { add: [ada.id, bob.id] }, admin)
        expect(added.data.added.sort()).toEqual([ada.id, bob.id].sort())
        expect(added.data.customer_segment.member_count).toBe(2)
        const again = await api.post(`/admin/customer-segments/${id}/customers`, { add: [ada.id], remove: [bob.id] }, admin)
        expect(again.data).toMatchObject({ added: [], removed: [bob.id] })
        expect(await memberIds(id)).toEqual([ada.id])
        const page = await api.get(`/admin/customer-segments/${id}/customers?q=ADA@`, admin)
        expect(page.data).toMatchObject({ count: 1, customers: [{ id: ada.id, email: "ada@example.com", membership: { source: "manual" } }] })

        const tricky = await createCustomers([{ email: "eve@example.com", first_name: '=HYPERLINK("x")', last_name: "Doe, Jr." }])
        await eventually(async () => expect(await profileOf(tricky[0].id)).toBeDefined())
        await api.post(`/admin/customer-segments/${id}/customers`, { add: [tricky[0].id] }, admin)
        const csv = await api.get(`/admin/customer-segments/${id}/customers/export`, admin)
        expect(csv.headers["content-type"]).toMatch(/^text\/csv/)
        const lines = (csv.data as string).trim().split("\n")
        expect(lines[0]).toBe("id,email,first_name,last_name,has_account,source,matched_at")
        expect(lines.slice(1).map((l) => l.split(",")[0]).sort()).toEqual(await memberIds(id))
        expect(lines).toContainEqual(expect.stringContaining(`${tricky[0].id},eve@example.com,"'=HYPERLINK(""x"")","Doe, Jr.",false,manual,`))

        const unknown = await failure(api.post(`/admin/customer-segments/${id}/customers`, { add: ["cus_nobody"] }, admin))
        expect(unknown.status).toBe(400)
        expect(unknown.data.message).toBe("add: unknown customer cus_nobody")
        const empty = await failure(api.post(`/admin/customer-segments/${id}/customers`, {}, admin))
        expect(empty.status).toBe(400)

        const dynamic = await api.post("/admin/customer-segments", { name: "Dyn", query: "has_account = false" }, admin)
        const refused = await failure(
          api.post(`/admin/customer-segments/${dynamic.data.customer_segment.id}/customers`, { add: [ada.id] }, admin)
        )
        expect(refused.status).toBe(400)
        expect(refused.data.message).toMatch(/only static segments/)
        const ruleOnStatic = await failure(api.post(`/admin/customer-segments/${id}`, { query: "has_account = true" }, admin))
        expect(ruleOnStatic.status).toBe(400)
      })

      it("removes many customers from groups at once without holding the connection pool (each removal in a call of its own)", async () => {
        // Medusa 2.21.2's removeCustomerFromGroup opens a transaction, then reads the links on a second pooled
        // connection: enough removals at once hold every connection while each waits for another (decision 0061).
        const customerModule = container.resolve(Modules.CUSTOMER)
        const [group] = await customerModule.createCustomerGroups([{ name: "Many" }])
        const made = await createCustomers(Array.from({ length: 24 }, (_, i) => ({ email: `many${i}@example.com` })))
        await customerModule.addCustomerToGroup(made.map((c) => ({ customer_id: c.id, customer_group_id: group.id })))
        await eventually(async () => expect((await profileOf(made[0].id))?.group_ids).toEqual([group.id]))
        await Promise.all(made.map((c) => removeFromGroup(customerModule, [{ customer_id: c.id, customer_group_id: group.id }])))
        expect(await customerModule.listCustomerGroupCustomers({ customer_group_id: group.id })).toEqual([])
        // The same events as a removal through the module: the facts follow.
        await eventually(async () => expect((await profileOf(made[23].id))?.group_ids).toEqual([]))
      })

      it("mirrors members into a managed customer group, and deleting the segment removes the group but no customer", async () => {
        const [ada, bob] = await createCustomers([
          { email: "ada@vip.io", has_account: true },
          { email: "bob@example.com", has_account: true },
        ])
        await eventually(async () => expect(await profileOf(bob.id)).toBeDefined())
        const { data } = await api.post(
          "/admin/customer-segments",
          { name: "VIP domain", query: "email_domain = 'vip.io'", sync_customer_group: true },
          admin
        )
        const segment = data.customer_segment
        expect(segment.customer_group_id).toMatch(/^cusgroup_/)
        const customerModule = container.resolve(Modules.CUSTOMER)
        const groupMembers = async () =>
          (await customerModule.listCustomerGroupCustomers({ customer_group_id: segment.customer_group_id })).map((l) => l.customer_id).sort()
        await eventually(async () => expect(await groupMembers()).toEqual([ada.id]))
        const [group] = await customerModule.listCustomerGroups({ id: segment.customer_group_id })
        expect(group.name).toBe("VIP domain")
        // The customer group page asks which segment manages a group.
        const managing = await api.get(`/admin/customer-segments?customer_group_id=${segment.customer_group_id}`, admin)
        expect(managing.data.customer_segments.map((s: { id: string }) => s.id)).toEqual([segment.id])
        const unmanaged = await api.get("/admin/customer-segments?customer_group_id=cusgroup_none", admin)
        expect(unmanaged.data.customer_segments).toEqual([])
        const badGroup = await failure(api.get("/admin/customer-segments?customer_group_id=a;b", admin))
        expect(badGroup.status).toBe(400)
        expect(badGroup.data.message).toMatch(/customer_group_id/)

        await updateCustomersWorkflow(container).run({ input: { selector: { id: bob.id }, update: { email: "bob@vip.io" } } })
        await eventually(async () => expect(await groupMembers()).toEqual([ada.id, bob.id].sort()))

        const clash = await failure(
          api.post("/admin/customer-segments", { name: "VIP domain", query: "has_account = true", sync_customer_group: true }, admin)
        )
        expect(clash.status).toBe(400)
        expect(clash.data.message).toMatch(/^name: a customer group named "VIP domain" already exists/)

        const rule = await failure(
          api.post(`/admin/customer-segments/${segment.id}`, { query: `customer_groups CONTAINS '${segment.customer_group_id}'` }, admin)
        )
        expect(rule.status).toBe(400)
        expect(rule.data.message).toMatch(/^rule: the segment manages customer group/)

        const deleted = await api.delete(`/admin/customer-segments/${segment.id}`, admin)
        expect(deleted.data).toEqual({ id: segment.id, object: "customer_segment", deleted: true })
        expect(await customerModule.listCustomerGroups({ id: segment.customer_group_id })).toHaveLength(0)
        expect(await customerModule.listCustomers({ id: [ada.id, bob.id] })).toHaveLength(2)
        expect(await segments().listCustomerSegmentMemberships({ segment_id: segment.id })).toHaveLength(0)
      })
    })

    describe("real time under load", () => {
      it("runs the syncs that arrive while others run as one workflow, and a failing event fails alone", async () => {
        const customers = await createCustomers(
          Array.from({ length: 12 }, (_, i) => ({ email: `load${i}@example.com`, first_name: `Load${i}`, has_account: true }))
        )
        const { data } = await api.post("/admin/customer-segments", { name: "Gold", query: "metadata.tier = 'gold'" }, admin)
        const segmentId = data.customer_segment.id
        await eventually(async () => expect((await segments().readCustomerFacts(customers.map((c) => c.id))).profiles).toHaveLength(12))
        const events: { segment_id: string; added: string[] }[] = []
        container.resolve(Modules.EVENT_BUS).subscribe("customer_segment.membership_changed", async (event: any) => {
          events.push(event.data)
        })
        // The customers change without an event of their own (the module's update emits none): only the syncs below move them.
        const customerModule = container.resolve(Modules.CUSTOMER)
        await customerModule.updateCustomers({ id: customers.map((c) => c.id) }, { metadata: { tier: "gold" } })

        const ids = customers.map((c) => c.id).sort()
        const ofSegment = () => events.filter((e) => e.segment_id === segmentId)

        // 12 events at once: REALTIME_PARALLEL_SYNCS syncs start, the other events wait and share the next one.
        await Promise.all(customers.map((c) => syncFactsOf(container, [c.id], "profile")))
        // Each event resolved once its customer's membership was stored.
        expect(await memberIds(segmentId)).toEqual(ids)
        await eventually(async () => expect(ofSegment().flatMap((e) => e.added).sort()).toEqual(ids))
        expect(REALTIME_PARALLEL_SYNCS).toBe(2)
        expect(ofSegment().length).toBeLessThan(12)

        // Again with one event whose customer id PostgreSQL refuses (a NUL byte): the batch it shares fails, and is
        // run again event by event, so only that event fails.
        await customerModule.updateCustomers({ id: ids }, { metadata: { tier: "silver" } })
        const results = await Promise.allSettled([
          ...customers.map((c) => syncFactsOf(container, [c.id], "profile")),
          syncFactsOf(container, ["cus_\u0000broken"], "profile"),
        ])
        expect(results.map((r) => r.status)).toEqual([...Array(12).fill("fulfilled"), "rejected"])
        expect(await memberIds(segmentId)).toEqual([])
      })
    })

    describe("segments that read segments", () => {
      it("reads another segment's members, in real time and after its refreshes, and refuses cycles and dangling reads", async () => {
        const [ada, bob, cem] = await createCustomers([
          { email: "ada@example.com", first_name: "Ada", has_account: true },
          { email: "bob@example.com", first_name: "Bob", has_account: true },
          { email: "cem@shop.io", first_name: "Cem", has_account: true },
        ])
        for (const customer of [ada, bob, cem]) {
          await eventually(async () => expect(await profileOf(customer.id)).toBeDefined())
        }
        const attributes = (await api.get("/admin/customer-segments/attributes", admin)).data.attributes
        const described = attributes.find((a: { name: string }) => a.name === "segments")
        expect(described).toMatchObject({ type: "id_list", picker: "segment", guest: true })
        expect(described.operators.map((o: { operator: string }) => o.operator)).toEqual(["contains", "not_contains", "in", "not_in"])

        const a = (await api.post("/admin/customer-segments", { name: "Example", query: "email_domain = 'example.com'" }, admin)).data
          .customer_segment
        await eventually(async () => expect(await memberIds(a.id)).toEqual([ada.id, bob.id].sort()))
        const b = (
          await api.post(
            "/admin/customer-segments",
            { name: "Example, not Bob", query: `segments CONTAINS '${a.id}' AND NOT first_name = 'Bob'` },
            admin
          )
        ).data.customer_segment
        expect(b.attributes).toEqual(["first_name", "segments"])
        await eventually(async () => expect(await memberIds(b.id)).toEqual([ada.id]))

        // Real time: Cem joins A, and B at once (in the same evaluation, after A)
        await updateCustomersWorkflow(container).run({ input: { selector: { id: cem.id }, update: { email: "cem@example.com" } } })
        await eventually(async () => expect(await memberIds(b.id)).toEqual([ada.id, cem.id].sort()))
        expect(await memberIds(a.id)).toEqual([ada.id, bob.id, cem.id].sort())

        // Why: the explanation shows the segments the customer is in
        const why = await api.get(`/admin/customer-segments/${b.id}/explain?customer_id=${cem.id}`, admin)
        expect(why.data.explanation.explanation.children[0]).toMatchObject({ result: true, text: `segments CONTAINS '${a.id}'` })
        expect(why.data.explanation.explanation.children[0].fact).toContain(a.id)

        // A refresh of A that changes its members refreshes B after it
        await api.post(`/admin/customer-segments/${a.id}`, { query: "first_name = 'Ada'" }, admin)
        await eventually(async () => expect(await memberIds(a.id)).toEqual([ada.id]))
        await eventually(async () => expect(await memberIds(b.id)).toEqual([ada.id]))
        await eventually(async () => expect(await lastRun(b.id)).toMatchObject({ trigger: "dependency", status: "succeeded", removed: 1 }))

        // Cycles are refused, naming the segments; so are reads of segments that do not exist
        const cycle = await failure(
          api.post(`/admin/customer-segments/${a.id}`, { query: `first_name = 'Ada' AND NOT segments CONTAINS '${b.id}'` }, admin)
        )
        expect(cycle.status).toBe(400)
        expect(cycle.data.message).toBe(
          `query: segments may not read each other in a cycle: "Example" (this segment) → "Example, not Bob" (${b.id}) → "Example" (this segment)`
        )
        const self = await failure(api.post(`/admin/customer-segments/${a.id}`, { rule: { attribute: "segments", operator: "contains", value: a.id } }, admin))
        expect(self.status).toBe(400)
        expect(self.data.message).toMatch(/^rule: segments may not read each other in a cycle/)
        const dangling = await failure(api.post("/admin/customer-segments", { name: "Nowhere", query: "segments IN ('cseg_nope')" }, admin))
        expect(dangling.status).toBe(400)
        expect(dangling.data.message).toBe('query: segments "cseg_nope" does not exist')
        expect((await api.get(`/admin/customer-segments/${a.id}`, admin)).data.customer_segment.query).toBe("first_name = 'Ada'")

        // A segment another one reads is not deleted
        const refused = await failure(api.delete(`/admin/customer-segments/${a.id}`, admin))
        expect(refused.status).toBe(400)
        expect(refused.data.message).toContain(`"Example, not Bob" (${b.id}) reads "Example"`)
        expect((await api.get(`/admin/customer-segments/${a.id}`, admin)).status).toBe(200)
      })
    })

    describe("abandoned carts", () => {
      const leaveCart = async (cartId: string, minutesAgo: number) => {
        const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
        const at = new Date(Date.now() - minutesAgo * 60_000)
        await knex.raw("UPDATE cart SET updated_at = ? WHERE id = ?", [at, cartId])
        await knex.raw("UPDATE cart_line_item SET updated_at = ? WHERE cart_id = ?", [at, cartId])
        await container.resolve(Modules.EVENT_BUS).emit({ name: "cart.updated", data: { id: cartId } })
        return at
      }

      it("segments customers and guests on the last cart they left with items, once left for an hour", async () => {
        const [ada, bob] = await createCustomers([
          { email: "ada@example.com", has_account: true },
          { email: "bob@example.com", has_account: true },
        ])
        const cartModule = container.resolve(Modules.CART)
        const [tent] = await container.resolve(Modules.PRODUCT).createProducts([{ title: "Tent" }])
        const item = { title: "Tent", product_id: tent.id, quantity: 1, unit_price: 60 }
        const [adaCart, bobCart, emptyCart] = await cartModule.createCarts([
          { currency_code: "eur", customer_id: ada.id, email: ada.email, items: [item] },
          { currency_code: "eur", customer_id: bob.id, email: bob.email, items: [item] },
          { currency_code: "eur", customer_id: bob.id, email: bob.email },
        ])
        const left = await leaveCart(adaCart.id, 120)
        await leaveCart(bobCart.id, 30)
        await leaveCart(emptyCart.id, 600)
        await eventually(async () => expect((await profileOf(ada.id)).open_carts).toEqual([left.toISOString()]))
        await eventually(async () => expect((await profileOf(bob.id)).open_carts).toHaveLength(1))

        const { data } = await api.post(
          "/admin/customer-segments",
          { name: "Left a cart this week", query: "abandoned_cart_date >= -7d" },
          admin
        )
        // It moves with time (a cart becomes abandoned an hour after its last change): refreshed on schedule
        expect(data.customer_segment.relative_dates).toBe(true)
        const id = data.customer_segment.id
        await eventually(async () => expect(await memberIds(id)).toEqual([ada.id]))
        const why = await api.get(`/admin/customer-segments/${id}/explain?customer_id=${ada.id}`, admin)
        expect(why.data.explanation).toMatchObject({ member: true, explanation: { result: true, fact: left.toISOString() } })

        // Completing the cart ends it
        await cartModule.updateCarts([{ id: adaCart.id, completed_at: new Date() }])
        await container.resolve(Modules.EVENT_BUS).emit({ name: "cart.updated", data: { id: adaCart.id } })
        await eventually(async () => expect(await memberIds(id)).toEqual([]))

        // Guests have it through their cart
        const guests = (
          await api.post(
            "/admin/customer-segments",
            { name: "Guests who left a cart", applies_to: "guests", query: "abandoned_cart_date IS NOT NULL" },
            admin
          )
        ).data.customer_segment
        const [oldCart, newCart] = await cartModule.createCarts([
          { currency_code: "eur", email: "guest@example.com", items: [item] },
          { currency_code: "eur", email: "other@example.com", items: [item] },
        ])
        const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
        await knex.raw("UPDATE cart SET updated_at = now() - interval '3 hours' WHERE id = ?", [oldCart.id])
        await knex.raw("UPDATE cart_line_item SET updated_at = now() - interval '3 hours' WHERE cart_id = ?", [oldCart.id])
        const headers = { headers: { "x-publishable-api-key": await createPublishableKey(container) } }
        const abandoned = await api.get(`/store/customer-segments/current?cart_id=${oldCart.id}`, headers)
        expect(abandoned.data.customer_segments).toEqual([
          { id, name: "Left a cart this week" },
          { id: guests.id, name: "Guests who left a cart" },
        ])
        const fresh = await api.get(`/store/customer-segments/current?cart_id=${newCart.id}`, headers)
        expect(fresh.data.customer_segments).toEqual([])
      })
    })

    describe("jobs", () => {
      it("queue refreshes of active relative-date segments when the schedule is due, once per minute", async () => {
        const create = async (body: Record<string, unknown>) =>
          (await api.post("/admin/customer-segments", body, admin)).data.customer_segment.id
        const relative = await create({ name: "Recent", query: "last_order_date > -30d" })
        await create({ name: "Fixed", query: "last_order_date > 2026-01-01" })
        await create({ name: "Paused", query: "customer_added_date > -7d", status: "inactive" })

        // segments.refresh_schedule is "0 * * * *" (the default) in this store
        expect(await refreshScheduledSegments(container, new Date("2030-01-01T05:01:00Z"))).toEqual([])
        const queued = await refreshScheduledSegments(container, new Date("2030-01-01T05:00:10Z"))
        expect(queued).toHaveLength(1)
        expect(await refreshScheduledSegments(container, new Date("2030-01-01T05:00:40Z"))).toEqual([])
        await eventually(async () =>
          expect(await lastRun(relative)).toMatchObject({ id: queued[0], trigger: "schedule", status: "succeeded" })
        )
      })
    })

    describe("workflows roll back", () => {
      it("leaves no segment and no customer group when creating fails", async () => {
        const workflow = createCustomerSegmentsWorkflow(container)
        workflow.appendAction("fail", createCustomerSegmentsStepId, {
          invoke: async () => {
            throw new Error("fail after create")
          },
        })
        const { errors } = await workflow.run({
          input: { segments: [{ name: "Doomed", query: "has_account = true", sync_customer_group: true }] },
          throwOnError: false,
        })
        expect(errors[0].error.message).toBe("fail after create")
        expect(await segments().listCustomerSegments({})).toHaveLength(0)
        expect(await container.resolve(Modules.CUSTOMER).listCustomerGroups({ name: "Doomed" })).toHaveLength(0)
        expect(createCustomerSegmentsWorkflowId).toBe("customer-suite-create-customer-segments")
      })

      it("restores the segment and removes the group it created when updating fails", async () => {
        const { data } = await api.post("/admin/customer-segments", { name: "Before", query: "has_account = true" }, admin)
        const id = data.customer_segment.id
        const workflow = updateCustomerSegmentWorkflow(container)
        workflow.appendAction("fail", updateCustomerSegmentStepId, {
          invoke: async () => {
            throw new Error("fail after update")
          },
        })
        const { errors } = await workflow.run({
          input: { id, update: { name: "After", query: "has_account = false", sync_customer_group: true } },
          throwOnError: false,
        })
        expect(errors[0].error.message).toBe("fail after update")
        const segment = (await api.get(`/admin/customer-segments/${id}`, admin)).data.customer_segment
        expect(segment).toMatchObject({
          name: "Before",
          query: "has_account = true",
          rule: { attribute: "has_account", operator: "eq", value: true },
          sync_customer_group: false,
          customer_group_id: null,
        })
        expect(await container.resolve(Modules.CUSTOMER).listCustomerGroups({ name: "After" })).toHaveLength(0)
      })

      it("puts the previous facts back when syncing a customer fails", async () => {
        const [ada] = await createCustomers([{ email: "ada@example.com", first_name: "Ada" }])
        await eventually(async () => expect((await profileOf(ada.id))?.first_name).toBe("Ada"))
        await container.resolve(Modules.CUSTOMER).updateCustomers(ada.id, { first_name: "Adeline" })

        const workflow = syncCustomerFactsWorkflow(container)
        workflow.appendAction("fail", syncCustomerFactsStepId, {
          invoke: async () => {
            throw new Error("fail after sync")
          },
        })
        const { errors } = await workflow.run({ input: { customer_ids: [ada.id] }, throwOnError: false })
        expect(errors[0].error.message).toBe("fail after sync")
        expect((await profileOf(ada.id)).first_name).toBe("Ada")
      })
    })

    describe("store API", () => {
      let publishableKey: string

      beforeEach(async () => {
        publishableKey = await createPublishableKey(container)
      })

      it("tells a logged-in customer their segments, and refuses without a login", async () => {
        const customer = await registerCustomer(api as any, publishableKey, { email: "ada@example.com", first_name: "Ada" })
        const { data } = await api.post(
          "/admin/customer-segments",
          { name: "Registered", query: "has_account = true", applies_to: "registered" },
          admin
        )
        await api.post("/admin/customer-segments", { name: "Off", query: "has_account = true", status: "inactive" }, admin)
        await eventually(async () => expect(await memberIds(data.customer_segment.id)).toEqual([customer.id]))

        const mine = await api.get("/store/customers/me/customer-segments", { headers: customer.headers })
        expect(mine.data).toEqual({ customer_segments: [{ id: data.customer_segment.id, name: "Registered" }] })

        // A registered customer's cart: theirs to ask about, nobody else's.
        const cartModule = container.resolve(Modules.CART)
        const productModule = container.resolve(Modules.PRODUCT)
        const [tent] = await productModule.createProducts([{ title: "Tent" }])
        const noTent = await api.post(
          "/admin/customer-segments",
          { name: "No tent in cart", query: `NOT cart_products CONTAINS (product: '${tent.id}')`, applies_to: "registered" },
          admin
        )
        await eventually(async () => expect(await memberIds(noTent.data.customer_segment.id)).toEqual([customer.id]))
        const [cart] = await cartModule.createCarts([
          { currency_code: "eur", customer_id: customer.id, items: [{ title: "Tent", product_id: tent.id, quantity: 1, unit_price: 100 }] },
        ])
        const withTent = await api.get(`/store/customer-segments/current?cart_id=${cart.id}`, { headers: customer.headers })
        expect(withTent.data.customer_segments).toEqual([{ id: data.customer_segment.id, name: "Registered" }])
        const stranger = await failure(
          api.get(`/store/customer-segments/current?cart_id=${cart.id}`, { headers: { "x-publishable-api-key": publishableKey } })
        )
        expect(stranger.status).toBe(404)

        const anonymous = await failure(
          api.get("/store/customers/me/customer-segments", { headers: { "x-publishable-api-key": publishableKey } })
        )
        expect(anonymous.status).toBe(401)
        const noKey = await failure(api.get("/store/customer-segments/current"))
        expect(noKey.status).toBe(400)
      })

      it("evaluates guest segments on the cart", async () => {
        const productModule = container.resolve(Modules.PRODUCT)
        const [collection] = await productModule.createProductCollections([{ title: "Gear" }])
        const [tent] = await productModule.createProducts([{ title: "Tent", collection_id: collection.id }])
        const { data } = await api.post(
          "/admin/customer-segments",
          {
            name: "Campers",
            applies_to: "guests",
            query: `cart_products CONTAINS (collection: '${collection.id}') AND cart_subtotal >= 100 EUR AND countries CONTAINS 'fr'`,
          },
          admin
        )
        const cartModule = container.resolve(Modules.CART)
        const [cart] = await cartModule.createCarts([
          {
            currency_code: "eur",
            email: "guest@example.com",
            shipping_address: { country_code: "fr", city: "Lyon" },
            items: [{ title: "Tent", product_id: tent.id, quantity: 2, unit_price: 60 }],
          },
        ])
        const headers = { headers: { "x-publishable-api-key": publishableKey } }
        const current = await api.get(`/store/customer-segments/current?cart_id=${cart.id}`, headers)
        expect(current.data.customer_segments).toEqual([{ id: data.customer_segment.id, name: "Campers" }])

        const noCart = await api.get("/store/customer-segments/current", headers)
        expect(noCart.data.customer_segments).toEqual([])
        await cartModule.updateLineItems([{ selector: { cart_id: cart.id }, data: { quantity: 1 } }])
        const smaller = await api.get(`/store/customer-segments/current?cart_id=${cart.id}`, headers)
        expect(smaller.data.customer_segments).toEqual([])

        const unknown = await failure(api.get("/store/customer-segments/current?cart_id=cart_nope", headers))
        expect(unknown.status).toBe(404)
        const extra = await failure(api.get("/store/customer-segments/current?cart=1", headers))
        expect(extra.status).toBe(400)
      })
    })
  },
})
