import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { parse } from "csv-parse/sync"
import { flushPresence, resetPresenceTracker } from "../../src/api/utils/presence-tracker"
import { forgetActivitySettings } from "../../src/api/utils/activity-settings"
import { RATE_LIMIT_TABLE } from "../../src/modules/customer_activity/limits"
import { CUSTOMER_SUITE_MODULE } from "../../src/modules/customer_suite"
import { SignInOptionsSchema } from "../../src/modules/customer_suite/options"
import type CustomerSuiteModuleService from "../../src/modules/customer_suite/service"
import { applyAudienceBatchWorkflow, createAudienceSourcesWorkflow } from "../../src/workflows/audiences"
import { createAdminUser, type AuthHeaders } from "../helpers/admin"
import { checkout, createShop, type Shop } from "../helpers/shop"
import { registerCustomer } from "../helpers/store"
import { eventually } from "../helpers/wait"
import { ensureGridSpendIndexes } from "../../src/workflows/customer-grid/utils/grid-query"
import { exclusively } from "../../src/workflows/customer-suite/utils/exclusive"

jest.setTimeout(240_000)

/**
 * The customers grid over HTTP, on data made through Medusa's own APIs
 * (sign-ups, admin-created customers, addresses, groups, a checkout) and the
 * suite's (segments, audiences, tax classes, sign-in locks, presence): every
 * filter, the sorts and keyset pages, the count, bad input, and the export.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    describe("Customers grid", () => {
      let admin: AuthHeaders
      let shop: Shop
      let ana: { id: string; headers: Record<string, string> }
      let carla: { id: string; headers: Record<string, string> }
      let bob: { id: string }
      let dora: { id: string }
      let vip: string
      let wholesale: string
      let segment: string
      let exempt: string
      let betweenSignUps: string

      const knex = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const failure = (promise: Promise<unknown>) =>
        promise.then(
          (ok: any) => Promise.reject(new Error(`expected a failure, got ${ok?.status} ${JSON.stringify(ok?.data)?.slice(0, 300)}`)),
          (e: any) => e.response
        )
      const grid = async (query = "") => (await api.get(`/admin/customer-suite/customers${query}`, admin)).data
      const ids = async (query: string) => (await grid(query)).customers.map((c: { id: string }) => c.id).sort()
      const sorted = (...list: string[]) => [...list].sort()

      beforeEach(async () => {
        resetPresenceTracker()
        const container = getContainer()
        await knex().raw(`delete from ${RATE_LIMIT_TABLE}`)
        forgetActivitySettings()
        admin = await createAdminUser(container)
        shop = await createShop(container, { products: [{ title: "Book", price: 60 }], taxProviderId: "tp_system" })

        const registered = await registerCustomer(api, shop.publishableKey, { email: "ana@example.com", first_name: "Ana", last_name: "Álvarez" })
        ana = { id: registered.id, headers: { authorization: registered.headers.authorization } }
        await new Promise((r) => setTimeout(r, 20))
        betweenSignUps = new Date().toISOString()
        await new Promise((r) => setTimeout(r, 20))
        const carlaSignUp = await registerCustomer(api, shop.publishableKey, { email: "carla@example.com", first_name: "Carla", last_name: "Diaz" }, "a long enough password 1")
        carla = { id: carlaSignUp.id, headers: { authorization: carlaSignUp.headers.authorization } }
        bob = (
          await api.post("/admin/customers", { email: "bob@example.com", first_name: "Bob", last_name: "Baker", phone: "+49 30 5550123", company_name: "Acme GmbH" }, admin)
        ).data.customer
        dora = (await api.post("/admin/customers", { email: "dora@shop.test", first_name: "Dora" }, admin)).data.customer

        await api.post(`/admin/customers/${ana.id}/addresses`, { address_1: "Hauptstr. 1", city: "Berlin", country_code: "de" }, admin)
        await api.post(`/admin/customers/${bob.id}/addresses`, { address_1: "Rue 1", city: "Paris", country_code: "fr" }, admin)

        vip = (await api.post("/admin/customer-groups", { name: "VIP" }, admin)).data.customer_group.id
        wholesale = (await api.post("/admin/customer-groups", { name: "Wholesale" }, admin)).data.customer_group.id
        await api.post(`/admin/customer-groups/${vip}/customers`, { add: [bob.id, ana.id] }, admin)
        await api.post(`/admin/customer-groups/${wholesale}/customers`, { add: [carla.id] }, admin)
        exempt = (await api.post("/admin/tax-classes", { type: "customer", name: "Exempt", code: "exempt" }, admin)).data.tax_class.id
        await api.post(`/admin/customer-groups/${wholesale}/tax-class`, { tax_class_id: exempt }, admin)

        segment = (await api.post("/admin/customer-segments", { name: "Hand-picked", kind: "static" }, admin)).data.customer_segment.id
        await api.post(`/admin/customer-segments/${segment}/customers`, { add: [dora.id, carla.id] }, admin)

        // Ana buys twice (2 × 60 EUR + shipping): orders_count, amount_spent, last_order_at.
        const variantId = shop.products[0].variantId
        await checkout(api, shop, { lines: [{ variantId, quantity: 1 }], headers: ana.headers, complete: true })
        await checkout(api, shop, { lines: [{ variantId, quantity: 1 }], headers: ana.headers, complete: true })

        // Every fact has reached the projection.
        await eventually(
          async () => {
            const rows = (await grid("?limit=10")).customers as any[]
            const byId = new Map(rows.map((r) => [r.id, r]))
            expect(rows).toHaveLength(4)
            expect(byId.get(ana.id)).toMatchObject({ orders_count: 2, countries: ["DE"] })
            expect(byId.get(bob.id).groups).toEqual([{ id: vip, name: "VIP" }])
            expect(byId.get(carla.id).groups).toEqual([{ id: wholesale, name: "Wholesale" }])
            expect(byId.get(dora.id).segments).toEqual([{ id: segment, name: "Hand-picked" }])
          },
          { timeout: 30_000 }
        )
      })

      it("lists every customer with the suite's facts, newest first, and counts them exactly", async () => {
        const data = await grid()
        expect(data).toMatchObject({ limit: 50, next_cursor: null, count: 4, count_is_estimate: false })
        expect(data.customers.map((c: { id: string }) => c.id)).toEqual([dora.id, bob.id, carla.id, ana.id])
        const anaRow = data.customers[3]
        expect(anaRow).toEqual({
          id: ana.id,
          email: "ana@example.com",
          first_name: "Ana",
          last_name: "Álvarez",
          phone: null,
          company_name: null,
          has_account: true,
          created_at: expect.any(String),
          groups: [{ id: vip, name: "VIP" }],
          segments: [],
          audiences: [],
          countries: ["DE"],
          orders_count: 2,
          amount_spent: { eur: expect.any(Number) },
          last_order_at: expect.any(String),
          // Her checkouts were store requests.
          last_activity_at: expect.any(String),
          online: true,
          locked: false,
          tax_classes: [],
        })
        expect(anaRow.amount_spent.eur).toBeGreaterThanOrEqual(120)
        const carlaRow = data.customers[2]
        expect(carlaRow.tax_classes).toEqual([{ id: exempt, name: "Exempt" }])
        expect(data.customers[1]).toMatchObject({ phone: "+49 30 5550123", company_name: "Acme GmbH", has_account: false, countries: ["FR"] })
      })

      it("filters by search, group, segment, tax class, country, account, dates, orders and amount spent", async () => {
        // Search: email, names (folded on every locale: "ÁLVAREZ" finds "Álvarez"), full name, phone, company, id.
        expect(await ids("?q=ANA@EXAMPLE")).toEqual([ana.id])
        expect(await ids(`?q=${encodeURIComponent("ÁLVAREZ")}`)).toEqual([ana.id])
        expect(await ids(`?q=${encodeURIComponent("carla diaz")}`)).toEqual([carla.id])
        expect(await ids("?q=5550123")).toEqual([bob.id])
        expect(await ids("?q=acme")).toEqual([bob.id])
        expect(await ids(`?q=${dora.id}`)).toEqual([dora.id])
        expect(await ids("?q=50%25")).toEqual([]) // a % is a character, not a wildcard
        expect(await ids("?q=example.com")).toEqual(sorted(ana.id, bob.id, carla.id)) // the email's domain
        expect(await ids("?q=xample")).toEqual([]) // names and emails match from their start

        expect(await ids(`?group_id[]=${vip}`)).toEqual(sorted(ana.id, bob.id))
        expect(await ids(`?group_id=${vip},${wholesale}`)).toEqual(sorted(ana.id, bob.id, carla.id))
        expect(await ids(`?segment_id[]=${segment}`)).toEqual(sorted(dora.id, carla.id))
        expect(await ids(`?tax_class_id[]=${exempt}`)).toEqual([carla.id])
        expect(await ids("?country[]=DE")).toEqual([ana.id])
        expect(await ids("?country[]=de&country[]=fr")).toEqual(sorted(ana.id, bob.id))
        expect(await ids("?has_account=true")).toEqual(sorted(ana.id, carla.id))
        expect(await ids("?has_account=false")).toEqual(sorted(bob.id, dora.id))
        expect(await ids(`?created_at[lte]=${encodeURIComponent(betweenSignUps)}`)).toEqual([ana.id])
        expect(await ids(`?created_at[gte]=${encodeURIComponent(betweenSignUps)}`)).toEqual(sorted(bob.id, carla.id, dora.id))
        // A date without a time is the whole day (UTC): today's sign-ups are within lte=today.
        const today = new Date().toISOString().slice(0, 10)
        expect(await ids(`?created_at[gte]=${today}&created_at[lte]=${today}`)).toEqual(sorted(ana.id, bob.id, carla.id, dora.id))
        expect((await api.get(`/admin/customer-suite/customers/count?group_id[]=${vip}`, admin)).data).toEqual({ count: 2 })
        expect(await ids("?orders_count[gte]=2")).toEqual([ana.id])
        expect(await ids("?orders_count[lte]=0")).toEqual(sorted(bob.id, carla.id, dora.id))
        expect(await ids("?amount_spent[currency]=EUR&amount_spent[gte]=100")).toEqual([ana.id])
        expect(await ids("?amount_spent[currency]=usd&amount_spent[gte]=1")).toEqual([])
        const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)
        expect(await ids(`?last_order_at[gte]=${yesterday}`)).toEqual([ana.id])
        expect(await ids(`?last_order_at[lte]=${yesterday}`)).toEqual([])
        // Two filters at once.
        expect(await ids(`?group_id[]=${vip}&has_account=false`)).toEqual([bob.id])
      })

      it("filters by audience, online now, last activity and locked", async () => {
        const container = getContainer()
        const { result: sources } = await createAudienceSourcesWorkflow(container).run({ input: { sources: [{ name: "CDP" }] } })
        const [source] = sources
        await applyAudienceBatchWorkflow(container).run({
          input: { source_id: source.id, batch_id: "b-1", sent_at: new Date(), audience: { id: "hi", name: "High intent" }, add: [{ customer_id: bob.id }], remove: [] },
        })
        const audience = await eventually(async () => {
          const [row] = (await grid(`?q=bob`)).customers
          expect(row.audiences).toHaveLength(1)
          return row.audiences[0]
        })
        expect(audience.name).toBe("High intent")
        expect(await ids(`?audience_id[]=${audience.id}`)).toEqual([bob.id])

        // Ana checked out (store requests); Carla makes one now: both online, with a last activity.
        expect((await api.get("/store/customers/me?fields=id", { headers: { "x-publishable-api-key": shop.publishableKey, ...carla.headers } })).status).toBe(200)
        await eventually(async () => {
          await flushPresence()
          expect(await ids("?online=true")).toEqual(sorted(ana.id, carla.id))
        })
        expect(await ids("?online=false")).toEqual(sorted(bob.id, dora.id))
        const hourAgo = new Date(Date.now() - 3_600_000).toISOString()
        expect(await ids(`?last_activity_at[gte]=${encodeURIComponent(hourAgo)}`)).toEqual(sorted(ana.id, carla.id))
        expect(await ids(`?last_activity_at[lte]=${encodeURIComponent(hourAgo)}`)).toEqual([])

        // Carla's account is locked after two wrong passwords.
        await container.resolve<CustomerSuiteModuleService>(CUSTOMER_SUITE_MODULE).overrideSettings({ activity: { sign_in: SignInOptionsSchema.parse({ lockout_mode: "account", max_failures: 2 }) } })
        forgetActivitySettings()
        for (const password of ["wrong-1", "wrong-2"]) {
          await failure(api.post("/auth/customer/emailpass", { email: "carla@example.com", password }))
        }
        await eventually(async () => expect(await ids("?locked=true")).toEqual([carla.id]))
        expect(await ids("?locked=false")).toEqual(sorted(ana.id, bob.id, dora.id))
        expect((await grid(`?q=carla`)).customers[0].locked).toBe(true)
      })

      it("sorts by every field with keyset pages that add up to the whole list", async () => {
        const all = (await grid()).customers.map((c: { id: string }) => c.id)
        for (const sort of ["created_at", "-created_at", "email", "-email", "last_name", "orders_count", "-orders_count", "last_order_at", "-last_activity_at"]) {
          const seen: string[] = []
          let cursor: string | null = null
          let pages = 0
          do {
            const page: any = await grid(`?sort=${sort}&limit=1${cursor ? `&cursor=${cursor}` : ""}`)
            expect(page.count).toBe(cursor ? null : 4)
            seen.push(...page.customers.map((c: { id: string }) => c.id))
            cursor = page.next_cursor
            pages += 1
          } while (cursor && pages < 10)
          expect(seen.slice().sort()).toEqual(all.slice().sort())
          expect(new Set(seen).size).toBe(4)
        }
        const byEmail = (await grid("?sort=email")).customers.map((c: { email: string }) => c.email)
        expect(byEmail).toEqual(["ana@example.com", "bob@example.com", "carla@example.com", "dora@shop.test"])
        const bySpend = (await grid("?sort=-amount_spent&amount_spent[currency]=eur")).customers.map((c: { id: string }) => c.id)
        expect(bySpend[0]).toBe(ana.id)
        // The store's currencies get the amount-spent index the sort uses (the job builds the missing ones).
        // Under the job's own lock, from no index: a scheduled tick (every 15 minutes) may have built it already.
        const underJobLock = () =>
          exclusively(getContainer(), "customer-suite:ensure-grid-spend-indexes", 60, async () => {
            await knex().raw(`DROP INDEX IF EXISTS "IDX_cprof_grid_spend_eur"`)
            return [await ensureGridSpendIndexes(getContainer()), await ensureGridSpendIndexes(getContainer())]
          })
        let built = await underJobLock()
        for (const until = Date.now() + 15_000; !built.ran && Date.now() < until; built = await underJobLock()) {
          await new Promise((resolve) => setTimeout(resolve, 100))
        }
        expect(built).toEqual({ ran: true, result: [["IDX_cprof_grid_spend_eur"], []] })
        // (Four rows: the planner would rather scan; it is told not to, to show the index serves the sort.)
        const plan = await knex().transaction(async (trx: any) => {
          await trx.raw("SET LOCAL enable_seqscan = off")
          await trx.raw("SET LOCAL enable_sort = off")
          return trx.raw(
            `EXPLAIN SELECT customer_id FROM customer_profile p WHERE deleted_at IS NULL ORDER BY coalesce((p.spend -> 'eur' ->> 'amount')::numeric, 0) DESC, (p.customer_id collate "C") DESC LIMIT 5`
          )
        })
        expect(plan.rows.map((r: Record<string, string>) => r["QUERY PLAN"]).join("\n")).toMatch(/IDX_cprof_grid_spend_eur/)
        expect((await grid("?sort=-amount_spent&amount_spent[currency]=eur")).customers.map((c: { id: string }) => c.id)).toEqual(bySpend)
        const byOrders = (await grid("?sort=-orders_count")).customers.map((c: { id: string }) => c.id)
        expect(byOrders[0]).toBe(ana.id)
      })

      it("refuses bad filters with a 400 naming the field", async () => {
        const cases: [string, RegExp][] = [
          ["?created_at[gte]=yesterday", /created_at\[gte\]/],
          ["?created_at[gte]=2026-02-30", /created_at\[gte\]/],
          ["?created_at[gte]=2026-03-01&created_at[lte]=2026-02-01", /created_at: gte is after lte/],
          // Medusa's validator words some messages itself ("field 'orders_count, gte'").
          ["?orders_count[gte]=-1", /orders_count(\[|, )gte/],
          ["?orders_count[gte]=two", /orders_count(\[|, )gte/],
          ["?amount_spent[gte]=10", /amount_spent(\[|, )currency/],
          ["?amount_spent[currency]=euro", /amount_spent\[currency\]/],
          ["?country[]=DEU", /country/],
          ["?has_account=yes", /has_account/],
          ["?group_id[]=a%20b", /group_id/],
          ["?sort=phone", /sort/],
          ["?sort=amount_spent", /sort: amount_spent needs/],
          ["?limit=500", /limit/],
          ["?cursor=nonsense", /cursor/],
          ["?colour=red", /colour/],
        ]
        const answers: unknown[] = []
        for (const [query] of cases) {
          const answer = await api.get(`/admin/customer-suite/customers${query}`, { ...admin, validateStatus: () => true } as any)
          answers.push([query, answer.status, answer.data.message])
        }
        expect(answers).toEqual(cases.map(([query, message]) => [query, 400, expect.stringMatching(message)]))
        // A cursor of another sort is refused too.
        const { next_cursor } = await grid("?limit=1")
        const other = await failure(api.get(`/admin/customer-suite/customers?sort=email&cursor=${next_cursor}`, admin))
        expect([other.status, other.data.message]).toEqual([400, expect.stringMatching(/cursor/)])
      })

      it("exports the filtered rows as the API lists them, with the chosen columns and the formula guard", async () => {
        await api.post(`/admin/customers/${dora.id}`, { first_name: "=HYPERLINK(1)" }, admin)
        await eventually(async () => expect((await grid(`?q=${dora.id}`)).customers[0].first_name).toBe("=HYPERLINK(1)"))

        const response = await api.get(`/admin/customer-suite/customers/export?sort=email&columns[]=id&columns[]=email&columns[]=first_name&columns[]=groups&columns[]=amount_spent&columns[]=orders_count`, admin)
        expect(response.headers["content-type"]).toMatch(/text\/csv/)
        expect(response.headers["x-customer-suite-count"]).toBe("4")
        const records = parse(response.data as string, { columns: true }) as Record<string, string>[]
        const listed = (await grid("?sort=email")).customers as any[]
        expect(records.map((r) => r.id)).toEqual(listed.map((c) => c.id))
        expect(Object.keys(records[0])).toEqual(["id", "email", "first_name", "groups", "amount_spent", "orders_count"])
        const anaRecord = records.find((r) => r.id === ana.id)!
        expect(anaRecord).toMatchObject({ email: "ana@example.com", groups: "VIP", orders_count: "2" })
        expect(anaRecord.amount_spent).toBe(`eur ${listed.find((c) => c.id === ana.id).amount_spent.eur}`)
        expect(records.find((r) => r.id === dora.id)!.first_name).toBe("'=HYPERLINK(1)")

        const filtered = parse((await api.get(`/admin/customer-suite/customers/export?group_id[]=${vip}&columns=id`, admin)).data as string, { columns: true })
        expect((filtered as { id: string }[]).map((r) => r.id).sort()).toEqual(sorted(ana.id, bob.id))
        const selected = parse((await api.get(`/admin/customer-suite/customers/export?ids[]=${carla.id}&ids[]=${dora.id}&columns=id`, admin)).data as string, { columns: true })
        expect((selected as { id: string }[]).map((r) => r.id).sort()).toEqual(sorted(carla.id, dora.id))

        const posted = await api.post(`/admin/customer-suite/customers/export`, { ids: [ana.id, bob.id], columns: ["id", "email"], sort: "email" }, admin)
        expect(parse(posted.data as string, { columns: true })).toEqual([
          { id: ana.id, email: "ana@example.com" },
          { id: bob.id, email: "bob@example.com" },
        ])

        const bad = await failure(api.get(`/admin/customer-suite/customers/export?columns[]=password`, admin))
        expect([bad.status, bad.data.message]).toEqual([400, expect.stringMatching(/columns/)])
      })
    })
  },
})
