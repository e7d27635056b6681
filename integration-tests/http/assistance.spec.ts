import { deleteUsersWorkflow } from "@medusajs/core-flows"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { SHOPPING_ASSISTANCE_MODULE } from "../../src/modules/shopping_assistance"
import type ShoppingAssistanceModuleService from "../../src/modules/shopping_assistance/service"
import { expireAssistanceSessionsWorkflow, markAssistedOrderStep, type MarkAssistedOrderInput } from "../../src/workflows/shopping-assistance"
import { createAdminUser, type AuthHeaders } from "../helpers/admin"
import { checkout, createShop, type Shop } from "../helpers/shop"
import { registerCustomer } from "../helpers/store"
import { eventually } from "../helpers/wait"

jest.setTimeout(180_000)

const failAfterMark = createStep("customer-suite-test-fail-after-assisted-order-mark", async () => {
  throw new Error("a later step failed")
})
/** Mark an order, then fail: its metadata must be as before. */
const failingMark = createWorkflow("customer-suite-test-failing-assisted-order-mark", (input: MarkAssistedOrderInput) => {
  markAssistedOrderStep(input)
  failAfterMark()
})

/**
 * Login as customer, step by step and refusal by refusal, over HTTP: consent
 * from the storefront, the admin's one-time code, the exchange for a customer
 * token, the guard on every store request, the action log, the end.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    describe("login as customer (shopping assistance)", () => {
      let admin: AuthHeaders & { userId: string }
      let shop: Shop
      let customer: { id: string; headers: Record<string, string> }

      const failure = (promise: Promise<unknown>) =>
        promise.then(
          (ok: any) => Promise.reject(new Error(`expected a failure, got ${ok?.status} ${JSON.stringify(ok?.data)?.slice(0, 300)}`)),
          (e: any) => e.response
        )
      const store = (headers: Record<string, string> = {}) => ({ headers: { "x-publishable-api-key": shop.publishableKey, ...headers } })
      const enable = (assistance: Record<string, unknown> = {}) =>
        api.post(
          "/admin/customer-suite/settings",
          { assistance: { enabled: true, storefront_url: "https://shop.example/account/assist?code={code}", ...assistance } },
          admin
        )
      const consent = (allowed: boolean, headers = customer.headers) =>
        api.post("/store/customers/me/assistance-consent", { allowed }, store(headers))
      /** null: no reason given. */
      const start = (reason: string | null = "Helping with an order", as: AuthHeaders = admin, customerId = customer.id) =>
        api.post(`/admin/customers/${customerId}/assistance-sessions`, reason === null ? {} : { reason }, as)
      const exchange = async (code: string) => {
        const { data } = await api.post("/store/assistance-sessions/exchange", { code }, store())
        return { ...data, headers: { authorization: `Bearer ${data.token}` } }
      }
      const service = () => getContainer().resolve<ShoppingAssistanceModuleService>(SHOPPING_ASSISTANCE_MODULE)

      beforeEach(async () => {
        const container = getContainer()
        admin = await createAdminUser(container)
        shop = await createShop(container, { products: [{ title: "Book", price: 100 }], taxProviderId: "tp_system" })
        const registered = await registerCustomer(api, shop.publishableKey, { email: "carla@example.com", first_name: "Carla" })
        customer = { id: registered.id, headers: { authorization: registered.headers.authorization } }
      })

      it("is refused while turned off, without consent, for a guest, and without a reason", async () => {
        const off = await failure(start())
        expect([off.status, off.data.message]).toEqual([403, expect.stringMatching(/Login as customer is turned off/)])
        await enable()

        const noConsent = await failure(start())
        expect([noConsent.status, noConsent.data.message]).toEqual([403, expect.stringMatching(/has not allowed remote assistance/)])
        expect((await api.get(`/admin/customers/${customer.id}/assistance-consent`, admin)).data.assistance_consent).toEqual({ allowed: false, updated_at: null })

        const [guest] = await getContainer().resolve(Modules.CUSTOMER).createCustomers([{ email: "guest@example.com", has_account: false }])
        const guestStart = await failure(start("x", admin, guest.id))
        expect([guestStart.status, guestStart.data.message]).toEqual([400, expect.stringMatching(/no account/)])

        await consent(true)
        const noReason = await failure(start(null))
        expect([noReason.status, noReason.data.message]).toEqual([400, expect.stringMatching(/^reason: /)])
        const unknown = await failure(start("x", admin, "cus_missing"))
        expect(unknown.status).toBe(404)
        // The admin sees the consent but cannot give it: there is no admin route that writes it.
        const grant = await failure(api.post(`/admin/customers/${customer.id}/assistance-consent`, { allowed: true }, admin))
        expect(grant.status).toBe(404)
        // Not required: consent no longer matters; a reason can be made optional.
        await consent(false)
        await enable({ consent: "not_required", require_reason: false })
        expect((await start(null)).status).toBe(201)
      })

      it("starts with a one-time code, exchanges it once for a customer token, and logs every change made with it", async () => {
        await enable()
        const given = await consent(true)
        expect(given.data.assistance_consent).toEqual({ allowed: true, updated_at: expect.any(String) })
        const { data: started } = await start()
        expect(started.code).toMatch(/^[2-9A-Z]{10}$/)
        expect(started.link).toBe(`https://shop.example/account/assist?code=${started.code}`)
        expect(started.assistance_session).toMatchObject({ status: "pending", customer_id: customer.id, user_id: admin.userId, reason: "Helping with an order" })
        expect(started.assistance_session.code_hash).toBeUndefined()

        const assisted = await exchange(started.code.toLowerCase())
        expect(assisted.assistance_session).toMatchObject({ id: started.assistance_session.id, customer_id: customer.id })
        const me = await api.get("/store/customers/me", store(assisted.headers))
        expect(me.data.customer.id).toBe(customer.id)
        const banner = (await api.get("/store/assistance-sessions/current", store(assisted.headers))).data.assistance_session
        expect(banner).toMatchObject({ status: "active", assisted_by: { first_name: "Ada", last_name: "Admin", email: "admin@customer-suite.test" } })
        expect(new Date(banner.expires_at).getTime() - new Date(banner.started_at).getTime()).toBe(60 * 60_000)
        expect((await api.get("/store/assistance-sessions/current", store(customer.headers))).data.assistance_session).toBeNull()

        // Used once: the same 401 as a wrong code.
        const replay = await failure(exchange(started.code))
        const wrong = await failure(exchange("ZZZZZZZZZZ"))
        expect([replay.status, replay.data.message]).toEqual([401, "This code is not valid: ask for a new one"])
        expect([wrong.status, wrong.data.message]).toEqual([replay.status, replay.data.message])

        // Shopping as the customer: logged with the route, the result and the ids it named; the order is marked.
        const { cart, order } = await checkout(api, shop, { lines: [{ variantId: shop.products[0].variantId, quantity: 2 }], headers: assisted.headers, complete: true })
        await eventually(async () => {
          const { data } = await api.get(`/admin/assistance-sessions/${started.assistance_session.id}`, admin)
          const actions = data.assistance_session.actions.map((a: any) => [a.method, a.route, a.status_code])
          expect(actions).toEqual(
            expect.arrayContaining([
              ["POST", "/store/carts", 200],
              ["POST", "/store/carts/:id/line-items", 200],
              ["POST", "/store/carts/:id/shipping-methods", 200],
              ["POST", "/store/carts/:id/complete", 200],
            ])
          )
          expect(data.assistance_session.actions.find((a: any) => a.route === "/store/carts/:id/line-items").resource_ids).toMatchObject({
            id: expect.stringMatching(/^cart_/),
            variant_id: shop.products[0].variantId,
          })
          // Reads are not logged.
          expect(actions.filter((a: any[]) => a[0] === "GET")).toEqual([])
        })
        await eventually(async () => {
          const { data } = await api.get(`/admin/orders/${order.id}?fields=metadata`, admin)
          expect(data.order.metadata).toEqual({ assistance: { session_id: started.assistance_session.id, user_id: admin.userId } })
        })
        // A mark rolled back leaves the order's metadata as it was.
        const rolledBack = await failingMark(getContainer()).run({
          input: { cart_id: cart.id, session_id: "asess_other", user_id: null },
          throwOnError: false,
        })
        expect(rolledBack.errors[0]?.error?.message).toBe("a later step failed")
        const { data: unchanged } = await api.get(`/admin/orders/${order.id}?fields=metadata`, admin)
        expect(unchanged.order.metadata).toEqual({ assistance: { session_id: started.assistance_session.id, user_id: admin.userId } })
        const csv = await api.get(`/admin/assistance-sessions/export?customer_id=${customer.id}`, admin)
        expect(csv.headers["content-type"]).toMatch(/text\/csv/)
        const [header, row] = (csv.data as string).trim().split("\n")
        expect(header).toBe("id,status,end_reason,admin_email,customer_id,customer_email,reason,created_at,started_at,expires_at,ended_at,actions")
        expect(row.split(",").slice(0, 7)).toEqual([started.assistance_session.id, "active", "", "admin@customer-suite.test", customer.id, "carla@example.com", "Helping with an order"])
        const listed = (await api.get(`/admin/assistance-sessions?customer_id=${customer.id}`, admin)).data
        expect(listed.assistance_sessions[0]).toMatchObject({ id: started.assistance_session.id, status: "active", user: { email: "admin@customer-suite.test" } })
        expect(listed.assistance_sessions[0].actions_count).toBeGreaterThanOrEqual(6)
      })

      it("refuses denied actions with 403 (logged), and consent changes during a session", async () => {
        await enable()
        await consent(true)
        const assisted = await exchange((await start()).data.code)
        const deleteAccount = await failure(api.delete("/store/customers/me", store(assisted.headers)))
        expect([deleteAccount.status, deleteAccount.data.message]).toEqual([403, expect.stringMatching(/^Not allowed while assisting a customer \(DELETE \/store\/customers\/me\)/)])
        const paymentMethods = await failure(api.post("/store/payment-methods/x", {}, store(assisted.headers)))
        expect(paymentMethods.status).toBe(403)
        const consentChange = await failure(api.post("/store/customers/me/assistance-consent", { allowed: true }, store(assisted.headers)))
        expect(consentChange.status).toBe(403)
        // No ordinary token can be minted from an assistance token.
        const refresh = await failure(api.post("/auth/token/refresh", {}, { headers: assisted.headers }))
        expect(refresh.status).toBe(403)
        const { data } = await api.get(`/admin/assistance-sessions/${assisted.assistance_session.id}`, admin)
        expect(data.assistance_session.actions.map((a: any) => [a.method, a.path, a.status_code, a.outcome])).toEqual([
          ["DELETE", "/store/customers/me", 403, "denied"],
          ["POST", "/store/payment-methods/x", 403, "denied"],
          ["POST", "/store/customers/me/assistance-consent", 403, "denied"],
          ["POST", "/auth/token/refresh", 403, "denied"],
        ])
        // Extendable by route pattern in the settings, at once on this instance.
        await enable({ denied_actions: ["POST /store/carts*"] })
        expect((await failure(api.post("/store/carts", { region_id: shop.regionId }, store(assisted.headers)))).status).toBe(403)
      })

      it("stops a token when its session ends: by the admin, by the customer, by withdrawn consent, by a newer session, by deleting the admin", async () => {
        await enable()
        await consent(true)
        const works = async (headers: Record<string, string>) => (await api.get("/store/customers/me", store(headers))).status
        const refused = async (headers: Record<string, string>) => {
          const response = await failure(api.get("/store/customers/me", store(headers)))
          expect([response.status, response.data.message]).toEqual([401, "The assistance session has ended: log in again"])
        }

        const byAdmin = await exchange((await start()).data.code)
        expect(await works(byAdmin.headers)).toBe(200)
        const ended = await api.post(`/admin/assistance-sessions/${byAdmin.assistance_session.id}/end`, {}, admin)
        expect(ended.data.assistance_session).toMatchObject({ status: "ended", end_reason: "ended_by_admin", ended_by: admin.userId })
        await refused(byAdmin.headers)
        expect((await failure(api.post(`/admin/assistance-sessions/${byAdmin.assistance_session.id}/end`, {}, admin))).status).toBe(400)

        const byCustomer = await exchange((await start()).data.code)
        expect((await api.post("/store/assistance-sessions/current/end", {}, store(byCustomer.headers))).data.ended).toEqual([byCustomer.assistance_session.id])
        await refused(byCustomer.headers)

        const revoked = await exchange((await start()).data.code)
        await consent(false)
        await refused(revoked.headers)
        await consent(true)

        const first = await exchange((await start()).data.code)
        const second = await exchange((await start()).data.code)
        await refused(first.headers)
        expect(await works(second.headers)).toBe(200)
        const { data } = await api.get(`/admin/assistance-sessions/${first.assistance_session.id}`, admin)
        expect(data.assistance_session.end_reason).toBe("superseded")

        // Another admin can see the log; deleting the assisting admin ends their session everywhere.
        const other = await createAdminUser(getContainer(), "other@customer-suite.test")
        await deleteUsersWorkflow(getContainer()).run({ input: { ids: [admin.userId] } })
        await eventually(async () => refused(second.headers), { timeout: 10_000 })
        const afterDelete = (await api.get(`/admin/assistance-sessions/${second.assistance_session.id}`, other)).data.assistance_session
        expect(afterDelete).toMatchObject({ end_reason: "admin_deleted", user: { email: "admin@customer-suite.test" } })
      })

      it("applies the same rules to a cookie session made from an assistance token", async () => {
        await enable()
        await consent(true)
        const assisted = await exchange((await start()).data.code)
        const session = await api.post("/auth/session", {}, { headers: assisted.headers })
        const cookie = String(session.headers["set-cookie"]?.[0] ?? "").split(";")[0]
        expect(cookie).toMatch(/=/)
        const withCookie = store({ cookie })
        expect((await api.get("/store/customers/me", withCookie)).data.customer.id).toBe(customer.id)
        expect((await failure(api.delete("/store/customers/me", withCookie))).status).toBe(403)
        await api.post(`/admin/assistance-sessions/${assisted.assistance_session.id}/end`, {}, admin)
        const ended = await failure(api.get("/store/customers/me", withCookie))
        expect([ended.status, ended.data.message]).toEqual([401, "The assistance session has ended: log in again"])
      })

      it("refuses an expired code and an expired session with the same answers", async () => {
        await enable()
        await consent(true)
        const { data: late } = await start()
        await service().updateAssistanceSessions({ id: late.assistance_session.id, code_expires_at: new Date(Date.now() - 1000) })
        expect((await failure(exchange(late.code))).status).toBe(401)
        expect((await api.get(`/admin/assistance-sessions?status=ended`, admin)).data.assistance_sessions[0]).toMatchObject({
          id: late.assistance_session.id,
          end_reason: "code_expired",
        })

        const assisted = await exchange((await start()).data.code)
        const expiredAt = new Date(Date.now() - 1000)
        await service().updateAssistanceSessions({ id: assisted.assistance_session.id, expires_at: expiredAt })
        await eventually(async () => expect((await failure(api.get("/store/customers/me", store(assisted.headers)))).status).toBe(401), { timeout: 10_000 })

        // The minute job (this workflow) writes down what time decided, at the time it happened
        // (another admin's pending session, so that starting it does not supersede this one).
        const other = await createAdminUser(getContainer(), "other@customer-suite.test")
        const { data: pending } = await start("Another question", other)
        const codeExpiredAt = new Date(Date.now() - 500)
        await service().updateAssistanceSessions({ id: pending.assistance_session.id, code_expires_at: codeExpiredAt })
        await expireAssistanceSessionsWorkflow(getContainer()).run({ input: { now: new Date() } })
        const rows = await service().listAssistanceSessions({ id: [pending.assistance_session.id, assisted.assistance_session.id] })
        expect(rows.map((r) => [r.id, r.status, r.end_reason, new Date(r.ended_at!).getTime()]).sort()).toEqual(
          [
            [pending.assistance_session.id, "ended", "code_expired", codeExpiredAt.getTime()],
            [assisted.assistance_session.id, "ended", "expired", expiredAt.getTime()],
          ].sort()
        )
        // The list filters by creation time as well.
        const since = encodeURIComponent(new Date(Date.now() - 60_000).toISOString())
        const listed = (await api.get(`/admin/assistance-sessions?status=ended&created_after=${since}`, admin)).data
        expect(listed.assistance_sessions.map((s: any) => s.id)).toEqual(
          expect.arrayContaining([late.assistance_session.id, pending.assistance_session.id, assisted.assistance_session.id])
        )
        expect((await api.get(`/admin/assistance-sessions?created_before=${encodeURIComponent(new Date(Date.now() - 60_000).toISOString())}`, admin)).data.count).toBe(0)
      })

      it("leaves ordinary customer tokens alone, and validates input", async () => {
        await enable()
        expect((await api.get("/store/customers/me", store(customer.headers))).status).toBe(200)
        await checkout(api, shop, { lines: [{ variantId: shop.products[0].variantId, quantity: 1 }], headers: customer.headers })
        expect(await service().listAssistanceActions({})).toEqual([])

        const missing = await failure(api.post("/store/assistance-sessions/exchange", {}, store()))
        expect(missing.status).toBe(400)
        expect(missing.data.message).toMatch(/code/)
        const bad = await failure(api.post("/store/customers/me/assistance-consent", { allowed: "yes" }, store(customer.headers)))
        expect([bad.status, bad.data.message]).toEqual([400, expect.stringMatching(/allowed/)])
        const ttl = await failure(api.post("/admin/customer-suite/settings", { assistance: { code_ttl_seconds: 5 } }, admin))
        expect([ttl.status, ttl.data.message]).toEqual([400, expect.stringMatching(/assistance\.code_ttl_seconds/)])
        const filter = await failure(api.get("/admin/assistance-sessions?status=open", admin))
        expect(filter.status).toBe(400)

      })

      it("never stores or logs the code in clear", async () => {
        await enable()
        await consent(true)
        const written: string[] = []
        const spies = [
          jest.spyOn(process.stdout, "write").mockImplementation(((chunk: unknown, ...rest: unknown[]) => {
            written.push(String(chunk))
            return (process.stdout.write as any).getMockImplementation ? true : true
          }) as any),
          jest.spyOn(process.stderr, "write").mockImplementation(((chunk: unknown) => {
            written.push(String(chunk))
            return true
          }) as any),
          ...(["log", "info", "warn", "error", "debug"] as const).map((m) =>
            jest.spyOn(console, m).mockImplementation((...args: unknown[]) => void written.push(args.map(String).join(" ")))
          ),
        ]
        let code: string
        try {
          code = (await start()).data.code
          await exchange(code)
          await failure(exchange(code))
        } finally {
          spies.forEach((s) => s.mockRestore())
        }
        expect(written.filter((line) => line.includes(code!))).toEqual([])

        const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
        const { rows: columns } = await pg.raw(
          `select table_name, column_name from information_schema.columns
            where table_schema = 'public' and data_type in ('text', 'character varying', 'jsonb', 'json')`
        )
        const hits: string[] = []
        for (const { table_name, column_name } of columns as { table_name: string; column_name: string }[]) {
          const { rows } = await pg.raw(`select count(*)::int as n from "${table_name}" where "${column_name}"::text ilike ?`, [`%${code!}%`])
          if (rows[0].n > 0) {
            hits.push(`${table_name}.${column_name}`)
          }
        }
        expect(columns.length).toBeGreaterThan(100)
        expect(hits).toEqual([])
      })

      // Last: the limit is per IP, and every test here comes from one (earlier tests' failures count too).
      it("limits failed exchanges per IP: after 10 failures in 15 minutes even a good code is refused", async () => {
        await enable()
        await consent(true)
        const answers: number[] = []
        for (let i = 0; i < 11; i++) {
          answers.push((await failure(exchange(`WRONG${i}XXXX`))).status)
        }
        const firstLimited = answers.indexOf(429)
        expect(firstLimited).toBeGreaterThan(-1)
        expect(answers.slice(0, firstLimited).every((s) => s === 401)).toBe(true)
        expect(answers.slice(firstLimited).every((s) => s === 429)).toBe(true)
        const good = await failure(exchange((await start()).data.code))
        expect([good.status, good.data.message]).toEqual([429, "Too many attempts: try again in 15 minutes"])
      })
    })
  },
})
