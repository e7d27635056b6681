import { createCustomersWorkflow } from "@medusajs/core-flows"
import { ContainerRegistrationKeys, Modules, generateJwtToken } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { flushPresence, presenceTrackerStats, resetPresenceTracker } from "../../src/api/utils/presence-tracker"
import { CUSTOMER_ACTIVITY_MODULE } from "../../src/modules/customer_activity"
import type CustomerActivityModuleService from "../../src/modules/customer_activity/service"
import { CUSTOMER_SUITE_MODULE } from "../../src/modules/customer_suite"
import type CustomerSuiteModuleService from "../../src/modules/customer_suite/service"
import { CUSTOMER_SEGMENT_MODULE } from "../../src/modules/customer_segment"
import type CustomerSegmentModuleService from "../../src/modules/customer_segment/service"
import { pruneVisitorPresence } from "../../src/workflows/customer-presence"
import { createAdminUser, type AuthHeaders } from "../helpers/admin"
import { createShop, type Shop } from "../helpers/shop"
import { registerCustomer } from "../helpers/store"
import { eventually } from "../helpers/wait"

jest.setTimeout(180_000)

const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE

/**
 * Now Online over HTTP: store requests make presence (after the tracker's
 * batched write, flushed here on demand), the admin list and the customer
 * badge read it, one write per shopper per minute, old visitors are pruned,
 * and last_activity_date reaches segments.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    describe("Now Online", () => {
      let admin: AuthHeaders
      let shop: Shop
      let carla: { id: string; headers: Record<string, string> }

      const store = (headers: Record<string, string> = {}) => ({ headers: { "x-publishable-api-key": shop.publishableKey, ...headers } })
      const failure = (promise: Promise<unknown>) =>
        promise.then(
          (ok: any) => Promise.reject(new Error(`expected a failure, got ${ok?.status} ${JSON.stringify(ok?.data)?.slice(0, 300)}`)),
          (e: any) => e.response
        )
      const activity = () => getContainer().resolve<CustomerActivityModuleService>(CUSTOMER_ACTIVITY_MODULE)
      const online = async (query = "") => (await api.get(`/admin/customer-suite/online${query}`, admin)).data
      /** Flushes the tracker's queue until `check` passes (the write follows the answer). */
      const afterFlush = <T>(check: () => Promise<T>) =>
        eventually(async () => {
          await flushPresence()
          return check()
        })

      beforeEach(async () => {
        resetPresenceTracker()
        const container = getContainer()
        admin = await createAdminUser(container)
        shop = await createShop(container, { products: [{ title: "Book", price: 100 }], taxProviderId: "tp_system" })
        const registered = await registerCustomer(api, shop.publishableKey, { email: "carla@example.com", first_name: "Carla", last_name: "Diaz" })
        carla = { id: registered.id, headers: { authorization: registered.headers.authorization } }
      })

      it("shows a signed-in customer and a guest cart online, newest first, with the path and no query string", async () => {
        expect((await api.get("/store/customers/me?fields=id", store(carla.headers))).status).toBe(200)
        const { data: created } = await api.post("/store/carts", { region_id: shop.regionId, email: "guest@example.com" }, store())
        const cartId = created.cart.id
        // Creating the cart names no cart in the path: reading it does.
        expect((await api.get(`/store/carts/${cartId}?fields=id`, store())).status).toBe(200)

        const listed = await afterFlush(async () => {
          const data = await online()
          expect(data.counts).toEqual({ customers: 1, visitors: 1, total: 2 })
          return data
        })
        expect(listed).toMatchObject({ window_minutes: 15, count: 2, offset: 0, limit: 50 })
        expect(listed.shoppers).toEqual([
          {
            kind: "visitor",
            customer_id: null,
            cart_id: cartId,
            first_name: null,
            last_name: null,
            email: "guest@example.com",
            last_seen_at: expect.any(String),
            last_path: `/store/carts/${cartId}`,
          },
          {
            kind: "customer",
            customer_id: carla.id,
            cart_id: null,
            first_name: "Carla",
            last_name: "Diaz",
            email: "carla@example.com",
            last_seen_at: expect.any(String),
            last_path: "/store/customers/me",
          },
        ])
        expect(new Date(listed.shoppers[0].last_seen_at).getTime()).toBeGreaterThan(new Date(listed.shoppers[1].last_seen_at).getTime())

        // The badge.
        const { data: badge } = await api.get(`/admin/customers/${carla.id}/presence`, admin)
        expect(badge.presence).toEqual({ online: true, last_seen_at: listed.shoppers[1].last_seen_at, last_path: "/store/customers/me", window_minutes: 15 })
        const [never] = await getContainer().resolve(Modules.CUSTOMER).createCustomers([{ email: "never@example.com" }])
        expect((await api.get(`/admin/customers/${never.id}/presence`, admin)).data.presence).toEqual({
          online: false,
          last_seen_at: null,
          last_path: null,
          window_minutes: 15,
        })
        expect((await failure(api.get("/admin/customers/cus_missing/presence", admin))).status).toBe(404)
      })

      it("filters by type, search and time window, and refuses bad parameters naming them", async () => {
        const container = getContainer()
        const [ben] = await container.resolve(Modules.CUSTOMER).createCustomers([{ email: "ben@example.com", first_name: "Ben", has_account: true }])
        const now = Date.now()
        await activity().recordPresence([
          { kind: "customer", subject_id: carla.id, customer_id: carla.id, cart_id: null, last_seen_at: new Date(now - 2 * MINUTE), last_path: "/store/products" },
          { kind: "customer", subject_id: ben.id, customer_id: ben.id, cart_id: null, last_seen_at: new Date(now - 10 * MINUTE), last_path: "/store/regions" },
          { kind: "visitor", subject_id: "cart_guest1", customer_id: null, cart_id: "cart_guest1", last_seen_at: new Date(now - 4 * MINUTE), last_path: "/store/carts/cart_guest1" },
          { kind: "visitor", subject_id: "cart_old", customer_id: null, cart_id: "cart_old", last_seen_at: new Date(now - 40 * MINUTE), last_path: "/store/carts/cart_old" },
        ])

        const all = await online()
        expect(all.counts).toEqual({ customers: 2, visitors: 1, total: 3 })
        expect(all.shoppers.map((s: any) => s.customer_id ?? s.cart_id)).toEqual([carla.id, "cart_guest1", ben.id])

        const customers = await online("?kind=customer")
        expect(customers.shoppers.map((s: any) => s.customer_id)).toEqual([carla.id, ben.id])
        expect([customers.count, customers.counts.total]).toEqual([2, 3])
        expect((await online("?kind=visitor")).shoppers.map((s: any) => s.cart_id)).toEqual(["cart_guest1"])

        const fiveMinutes = await online("?window_minutes=5")
        expect(fiveMinutes.counts).toEqual({ customers: 1, visitors: 1, total: 2 })
        expect(fiveMinutes.window_minutes).toBe(5)
        expect((await online("?window_minutes=60&kind=visitor")).shoppers.map((s: any) => s.cart_id)).toEqual(["cart_guest1", "cart_old"])

        expect((await online("?q=BEN")).shoppers.map((s: any) => s.customer_id)).toEqual([ben.id])
        expect((await online("?q=cart_guest1")).shoppers.map((s: any) => s.cart_id)).toEqual(["cart_guest1"])
        const paged = await online("?limit=1&offset=1")
        expect([paged.count, paged.shoppers.map((s: any) => s.cart_id)]).toEqual([3, ["cart_guest1"]])

        // A later write keeps the first sighting and never moves the last one back.
        await activity().recordPresence([
          { kind: "customer", subject_id: carla.id, customer_id: carla.id, cart_id: null, last_seen_at: new Date(now - 30 * MINUTE), last_path: "/store/old" },
        ])
        expect((await api.get(`/admin/customers/${carla.id}/presence`, admin)).data.presence).toMatchObject({ online: true, last_path: "/store/products" })
        const [row] = await activity().listCustomerPresences({ kind: "customer", subject_id: carla.id })
        expect(new Date(row.first_seen_at).getTime()).toBe(now - 2 * MINUTE)
        expect((await api.get(`/admin/customers/${ben.id}/presence?window_minutes=5`, admin)).data.presence).toMatchObject({ online: false, window_minutes: 5 })

        for (const [query, field] of [
          ["?kind=robot", "kind"],
          ["?window_minutes=0", "window_minutes"],
          ["?window_minutes=2000", "window_minutes"],
          ["?limit=500", "limit"],
          ["?surprise=1", "surprise"],
        ]) {
          const error = await failure(online(query))
          expect([query, error.status, error.data.message]).toEqual([query, 400, expect.stringContaining(field)])
        }
      })

      it("writes a shopper at most once a minute per instance, and never for a forged token", async () => {
        const before = presenceTrackerStats()
        await api.get("/store/customers/me?fields=id", store(carla.headers))
        await api.get("/store/products?limit=1", store(carla.headers))
        await api.get("/store/regions", store(carla.headers))
        await afterFlush(async () => {
          const [row] = await activity().listCustomerPresences({ kind: "customer", subject_id: carla.id })
          expect(row?.last_path).toBe("/store/customers/me")
        })
        expect(presenceTrackerStats().enqueued - before.enqueued).toBe(1)
        expect(presenceTrackerStats()).toMatchObject({ queued: 0 })

        // A token this store did not sign, naming another customer: answered (the route needs no sign-in), never recorded.
        const [victim] = await getContainer().resolve(Modules.CUSTOMER).createCustomers([{ email: "victim@example.com", has_account: true }])
        const forged = generateJwtToken({ actor_id: victim.id, actor_type: "customer", auth_identity_id: "x", app_metadata: {} }, { secret: "not-the-secret", expiresIn: "1h" })
        expect((await api.get("/store/regions", store({ authorization: `Bearer ${forged}` }))).status).toBe(200)
        // A refused request is no one's presence either.
        await failure(api.get("/store/carts/cart_does_not_exist", store()))
        await flushPresence()
        expect(await activity().listCustomerPresences({ subject_id: [victim.id, "cart_does_not_exist"] })).toEqual([])
        expect(presenceTrackerStats().enqueued - before.enqueued).toBe(1)
      })

      it("takes the window from the settings in force, and records nothing while presence is off", async () => {
        const suite = getContainer().resolve<CustomerSuiteModuleService>(CUSTOMER_SUITE_MODULE)
        await suite.overrideSettings({ activity: { presence: { enabled: false, online_window_minutes: 20, visitor_retention_days: 7 } } })
        // The settings are read again within 5 seconds on every instance.
        await eventually(async () => expect((await online()).window_minutes).toBe(20), { timeout: 15_000, interval: 500 })
        expect((await api.get(`/admin/customers/${carla.id}/presence`, admin)).data.presence.window_minutes).toBe(20)

        const before = presenceTrackerStats()
        expect((await api.get("/store/customers/me?fields=id", store(carla.headers))).status).toBe(200)
        await flushPresence()
        expect(presenceTrackerStats().enqueued).toBe(before.enqueued)
        expect(await activity().listCustomerPresences({ subject_id: carla.id })).toEqual([])

        await suite.overrideSettings({}, ["activity.presence"])
        await eventually(async () => expect((await online()).window_minutes).toBe(15), { timeout: 15_000, interval: 500 })
        await api.get("/store/customers/me?fields=id", store(carla.headers))
        await afterFlush(async () => expect((await online()).counts.customers).toBe(1))
      })

      it("prunes visitors older than the retention only, keeping customers", async () => {
        const now = Date.now()
        await activity().recordPresence([
          { kind: "visitor", subject_id: "cart_old", customer_id: null, cart_id: "cart_old", last_seen_at: new Date(now - 8 * DAY), last_path: "/store/carts/cart_old" },
          { kind: "visitor", subject_id: "cart_recent", customer_id: null, cart_id: "cart_recent", last_seen_at: new Date(now - 6 * DAY), last_path: "/store/carts/cart_recent" },
          { kind: "customer", subject_id: carla.id, customer_id: carla.id, cart_id: null, last_seen_at: new Date(now - 30 * DAY), last_path: "/store/customers/me" },
        ])
        expect(await pruneVisitorPresence(getContainer())).toBe(1)
        const left = await activity().listCustomerPresences({}, { order: { subject_id: "ASC" } })
        expect(left.map((r) => r.subject_id)).toEqual(["cart_recent", carla.id].sort())
        expect(await pruneVisitorPresence(getContainer())).toBe(0)
      })

      it("matches last_activity_date in segments: refreshed in SQL, live for the storefront, explained", async () => {
        const container = getContainer()
        const segments = container.resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE)
        // Through the workflow: its event builds the profile.
        const [idle] = (await createCustomersWorkflow(container).run({ input: { customersData: [{ email: "idle@example.com", has_account: true }] } })).result
        await eventually(async () => expect((await segments.readCustomerFacts([carla.id, idle.id])).profiles).toHaveLength(2))

        await api.get("/store/customers/me?fields=id", store(carla.headers))
        await afterFlush(async () => {
          const [profile] = (await segments.readCustomerFacts([carla.id])).profiles
          expect(profile.last_activity_at).not.toBeNull()
        })

        const { data } = await api.post("/admin/customer-segments", { name: "Active this week", query: "last_activity_date >= -7d" }, admin)
        const id = data.customer_segment.id
        expect(data.customer_segment.relative_dates).toBe(true)
        await eventually(async () => {
          const { data: members } = await api.get(`/admin/customer-segments/${id}/customers?limit=200`, admin)
          expect(members.customers.map((c: { id: string }) => c.id)).toEqual([carla.id])
        })
        const { data: seen } = await api.get(`/admin/customers/${carla.id}/presence`, admin)
        const held = (await api.get(`/admin/customer-segments/${id}/explain?customer_id=${carla.id}`, admin)).data.explanation
        expect(held).toMatchObject({ member: true, matches: true })
        expect(held.explanation).toMatchObject({ type: "condition", result: true, text: "last_activity_date >= -7d", fact: seen.presence.last_seen_at })
        const { data: inactive } = await api.post("/admin/customer-segments", { name: "Never seen", query: "last_activity_date IS NULL" }, admin)
        await eventually(async () => {
          const { data: members } = await api.get(`/admin/customer-segments/${inactive.customer_segment.id}/customers?limit=200`, admin)
          expect(members.customers.map((c: { id: string }) => c.id)).toContain(idle.id)
          expect(members.customers.map((c: { id: string }) => c.id)).not.toContain(carla.id)
        })

        // A rebuilt profile (any customer change) takes the activity from presence, not null.
        await api.post(`/admin/customers/${carla.id}`, { last_name: "Diaz-Ruiz" }, admin)
        await eventually(async () => {
          const [profile] = (await segments.readCustomerFacts([carla.id])).profiles
          expect([profile.last_name, profile.last_activity_at]).toEqual(["Diaz-Ruiz", expect.anything()])
        })
        // A profile built from presence read just before the tracker wrote (null, or an older time) never puts the
        // last activity back, and the write reports no change of it (no membership event for nothing).
        const current = await segments.readCustomerFacts([carla.id])
        const activeAt = new Date(current.profiles[0].last_activity_at!).toISOString()
        for (const stale of [null, new Date(Date.parse(activeAt) - 3_600_000).toISOString()]) {
          const { changes } = await segments.writeCustomerFacts([carla.id], { ...current, profiles: [{ ...current.profiles[0], last_activity_at: stale }] })
          expect(changes.flatMap((c) => c.changed)).not.toContain("last_activity_at")
          expect(new Date((await segments.readCustomerFacts([carla.id])).profiles[0].last_activity_at!).toISOString()).toBe(activeAt)
        }
        // A later one moves it forward.
        const later = new Date(Date.parse(activeAt) + 60_000).toISOString()
        const { changes: forward } = await segments.writeCustomerFacts([carla.id], { ...current, profiles: [{ ...current.profiles[0], last_activity_at: later }] })
        expect(forward.flatMap((c) => c.changed)).toContain("last_activity_at")
        expect(new Date((await segments.readCustomerFacts([carla.id])).profiles[0].last_activity_at!).toISOString()).toBe(later)

        // The idle customer becomes active: the storefront's live check sees it before any refresh.
        const config = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig.http
        const idleToken = generateJwtToken(
          { actor_id: idle.id, actor_type: "customer", auth_identity_id: "", app_metadata: { customer_id: idle.id } },
          { secret: config.jwtSecret!, expiresIn: "1h" }
        )
        const idleHeaders = { authorization: `Bearer ${idleToken}` }
        await api.get("/store/regions", store(idleHeaders))
        await afterFlush(async () => {
          const { data: current } = await api.get("/store/customer-segments/current", store(idleHeaders))
          expect(current.customer_segments.map((s: { id: string }) => s.id)).toContain(id)
        })
      })
    })
  },
})
