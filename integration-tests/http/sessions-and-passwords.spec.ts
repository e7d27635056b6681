import path from "node:path"
import { Modules } from "@medusajs/framework/utils"
import getPort from "get-port"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { CUSTOMER_ACTIVITY_MODULE } from "../../src/modules/customer_activity"
import type CustomerActivityModuleService from "../../src/modules/customer_activity/service"
import type { PasswordPolicy } from "../../src/modules/customer_activity/password-policy"
import { forgetActivitySettings } from "../../src/api/utils/activity-settings"
import { updateSuiteSettingsWorkflow } from "../../src/workflows/customer-suite"
import { revokeCustomerSessionsStepId, revokeCustomerSessionsWorkflow } from "../../src/workflows/customer-activity"
import { createAdminUser, type AuthHeaders } from "../helpers/admin"
import { createPublishableKey, registerCustomer } from "../helpers/store"
import { startProcess, waitForUrl } from "../helpers/processes"
import { eventually } from "../helpers/wait"

jest.setTimeout(180_000)

/** Reset tokens sent with auth.password_reset, by email (the store's notification provider would mail them). */
const resetTokens = new Map<string, string>()
let subscribed = false

/**
 * Password policy (issue 15 §3) and sign out everywhere (§4), over HTTP:
 * refusals naming each rule on register and reset, long passwords kept
 * whole, and tokens and cookie sessions from before a revocation refused on
 * /store and /auth while new sign-ins work.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConfig }) => {
    describe("sessions and passwords", () => {
      let admin: AuthHeaders & { userId: string }
      let publishableKey: string

      const failure = (promise: Promise<unknown>) =>
        promise.then(
          (ok: any) => Promise.reject(new Error(`expected a failure, got ${ok?.status} ${JSON.stringify(ok?.data)?.slice(0, 300)}`)),
          (e: any) => e.response
        )
      const store = (headers: Record<string, string> = {}) => ({ headers: { "x-publishable-api-key": publishableKey, ...headers } })
      const bearer = (token: string) => ({ authorization: `Bearer ${token}` })
      const signIn = async (email: string, password: string) => (await api.post("/auth/customer/emailpass", { email, password })).data.token as string
      const me = (headers: Record<string, string>) => api.get("/store/customers/me", store(headers))
      /** A cookie session made from a bearer token (POST /auth/session). */
      const cookieSession = async (token: string) => {
        const res = await api.post("/auth/session", {}, { headers: bearer(token) })
        const cookie = (res.headers["set-cookie"] as string[] | undefined)?.find((c) => c.startsWith("connect.sid="))
        expect(cookie).toBeDefined()
        return { cookie: cookie!.split(";")[0] }
      }
      /** The customer's security log but its sign-ins (sign-in protection logs those; sign-in-protection.spec covers them). */
      const securityEvents = async (customerId: string) =>
        (
          await getContainer()
            .resolve<CustomerActivityModuleService>(CUSTOMER_ACTIVITY_MODULE)
            .listCustomerSecurityEvents({ customer_id: customerId }, { order: { kind: "ASC" } })
        ).filter((e) => e.kind !== "sign_in")
      const setPolicy = async (policy: Partial<PasswordPolicy>) => {
        const full: PasswordPolicy = { min_length: 8, max_length: 256, refuse_common: true, min_strength: null, required_classes: 0, ...policy }
        await updateSuiteSettingsWorkflow(getContainer()).run({ input: { changes: { activity: { password_policy: full } } } })
        forgetActivitySettings()
      }
      const requestReset = async (email: string) => {
        resetTokens.delete(email)
        const res = await api.post("/auth/customer/emailpass/reset-password", { identifier: email })
        expect(res.status).toBe(201)
        return eventually(async () => {
          const token = resetTokens.get(email)
          expect(token).toBeDefined()
          return token!
        })
      }

      beforeEach(async () => {
        const container = getContainer()
        if (!subscribed) {
          subscribed = true
          container.resolve(Modules.EVENT_BUS).subscribe("auth.password_reset", async (message: any) => {
            const payload = message?.data ?? message
            if (payload?.actor_type === "customer" && typeof payload.token === "string") {
              resetTokens.set(payload.entity_id, payload.token)
            }
          })
        }
        // The database is restored before every test; the settings memo of a previous test must not linger.
        forgetActivitySettings()
        admin = await createAdminUser(container)
        publishableKey = await createPublishableKey(container)
      })

      it("refuses a password that breaks the policy on register, naming each unmet rule (400)", async () => {
        const register = (email: string, password: unknown) => failure(api.post("/auth/customer/emailpass/register", { email, password }))

        const common = await register("dora@example.com", "password")
        expect(common.status).toBe(400)
        expect(common.data).toEqual({
          type: "invalid_data",
          message: "Password not accepted: it is a commonly used password",
          rules: [{ rule: "common", message: "it is a commonly used password" }],
        })
        const numbers = await register("dora@example.com", "12345678")
        expect(numbers.data.rules.map((r: any) => r.rule)).toEqual(["common"])
        const short = await register("dora@example.com", "v8#kQz")
        expect([short.status, short.data.rules]).toEqual([400, [{ rule: "min_length", message: "it must have at least 8 characters" }]])
        const email = await register("dora.lindqvist@example.com", "Dora.Lindqvist@example.com")
        expect(email.data.rules.map((r: any) => r.rule)).toEqual(["not_email"])
        const missing = await register("dora@example.com", undefined)
        expect([missing.status, missing.data.rules]).toEqual([400, [{ rule: "required", message: "a password is required" }]])
        const tooLong = await register("dora@example.com", "q".repeat(257))
        expect(tooLong.data.rules).toEqual([{ rule: "max_length", message: "it must have at most 256 characters" }])

        // Nothing was created for the refused attempts; no password reached the security log.
        const identities = await getContainer().resolve(Modules.AUTH).listProviderIdentities({ entity_id: "dora.lindqvist@example.com" })
        expect(identities).toEqual([])
      })

      it("keeps a password of more than 64 characters whole: it signs in, a prefix of it does not", async () => {
        const password = "the quiet harbour lights blink twice before the ferry leaves at dawn, then once more" // 84
        expect(password.length).toBeGreaterThan(64)
        const registered = await registerCustomer(api, publishableKey, { email: "long@example.com" }, password)
        expect((await me(registered.headers)).data.customer.email).toBe("long@example.com")
        const token = await signIn("long@example.com", password)
        expect((await me(bearer(token))).status).toBe(200)
        for (const prefix of [password.slice(0, 72), password.slice(0, 64), password.slice(0, -1)]) {
          const wrong = await failure(api.post("/auth/customer/emailpass", { email: "long@example.com", password: prefix }))
          expect([wrong.status, wrong.data.message]).toEqual([401, "Invalid email or password"])
        }
      })

      it("signs out everywhere: tokens and cookie sessions from before are refused on /store and /auth; a new sign-in works; others are unaffected", async () => {
        const password = "secret-password-1"
        const carla = await registerCustomer(api, publishableKey, { email: "carla@example.com", first_name: "Carla" }, password)
        const other = await registerCustomer(api, publishableKey, { email: "otto@example.com", first_name: "Otto" }, password)
        const phone = bearer(await signIn("carla@example.com", password))
        const laptop = await cookieSession(await signIn("carla@example.com", password))
        expect((await me(phone)).status).toBe(200)
        expect((await me(laptop)).data.customer.id).toBe(carla.id)

        const started = Date.now()
        const { data } = await api.post("/store/customers/me/sessions/revoke", {}, store(phone))
        expect(data).toEqual({ revocation: { customer_id: carla.id, revoked_at: expect.any(String) } })
        const revokedAt = new Date(data.revocation.revoked_at).getTime()
        expect(revokedAt).toBeGreaterThanOrEqual(started - 1_000)
        // The answer comes once the next second has begun (a sign-in now is never refused).
        expect(Date.now()).toBeGreaterThanOrEqual((Math.floor(revokedAt / 1000) + 1) * 1000)

        for (const headers of [phone, laptop, carla.headers]) {
          const refused = await failure(me(headers))
          expect([refused.status, refused.data.type, refused.data.message]).toEqual([401, "unauthorized", expect.stringMatching(/signed out/)])
        }
        const refresh = await failure(api.post("/auth/token/refresh", {}, { headers: phone }))
        expect([refresh.status, refresh.data.type]).toEqual([401, "unauthorized"])
        const refreshByCookie = await failure(api.post("/auth/token/refresh", {}, { headers: laptop }))
        expect(refreshByCookie.status).toBe(401)
        // A public store route refuses the stale identity too (the storefront must drop it).
        expect((await failure(api.get("/store/regions", store(phone)))).status).toBe(401)

        // Signing in again works at once, even from a client that still sends the stale token or cookie.
        const fresh = (await api.post("/auth/customer/emailpass", { email: "carla@example.com", password }, { headers: { ...phone, ...laptop } })).data.token
        expect((await me(bearer(fresh))).data.customer.id).toBe(carla.id)
        expect((await api.post("/auth/token/refresh", {}, { headers: bearer(fresh) })).status).toBe(200)
        const freshCookie = await cookieSession(fresh)
        expect((await me(freshCookie)).status).toBe(200)
        // The stale cookie can still sign out (DELETE /auth/session).
        expect((await api.delete("/auth/session", { headers: laptop })).status).toBe(200)

        // Another customer is not touched.
        expect((await me(other.headers)).data.customer.id).toBe(other.id)

        const events = await securityEvents(carla.id)
        expect(events.map((e) => [e.kind, e.outcome, e.actor_type, e.actor_id, e.details])).toEqual([
          ["sessions_revoked", "revoked", "customer", carla.id, { reason: "customer" }],
        ])
        expect(events[0].email).toBe("carla@example.com")
        expect(await securityEvents(other.id)).toEqual([])
      })

      it("lets staff sign a customer out everywhere (404 for an unknown customer)", async () => {
        const password = "secret-password-1"
        const carla = await registerCustomer(api, publishableKey, { email: "carla@example.com" }, password)
        const { data } = await api.post(`/admin/customers/${carla.id}/sessions/revoke`, {}, admin)
        expect(data.revocation).toEqual({ customer_id: carla.id, revoked_at: expect.any(String) })
        expect((await failure(me(carla.headers))).status).toBe(401)
        expect((await me(bearer(await signIn("carla@example.com", password)))).status).toBe(200)

        const events = await securityEvents(carla.id)
        expect(events.map((e) => [e.kind, e.actor_type, e.actor_id, e.details])).toEqual([["sessions_revoked", "user", admin.userId, { reason: "staff" }]])

        // Concurrent first revocations of one customer (two instances at once): one row, every call answered.
        const activity = getContainer().resolve<CustomerActivityModuleService>(CUSTOMER_ACTIVITY_MODULE)
        const results = await Promise.allSettled([1, 2, 3, 4, 5, 6].map(() => activity.revokeSessions("cus_concurrent", "staff")))
        expect(results.map((r) => r.status)).toEqual(Array(6).fill("fulfilled"))
        expect(await activity.listCustomerSessionRevocations({ customer_id: "cus_concurrent" })).toHaveLength(1)

        const unknown = await failure(api.post("/admin/customers/cus_missing/sessions/revoke", {}, admin))
        expect(unknown.status).toBe(404)
        const extra = await failure(api.post(`/admin/customers/${carla.id}/sessions/revoke`, { everywhere: true }, admin))
        expect(extra.status).toBe(400)
        // A customer cannot use the staff route.
        expect((await failure(api.post(`/admin/customers/${carla.id}/sessions/revoke`, {}, { headers: bearer(await signIn("carla@example.com", password)) }))).status).toBe(401)
      })

      it("a password reset follows the policy without spending the token, then signs out everywhere and is recorded", async () => {
        const password = "secret-password-1"
        const carla = await registerCustomer(api, publishableKey, { email: "carla@example.com" }, password)
        const other = await registerCustomer(api, publishableKey, { email: "otto@example.com" }, password)
        const laptop = await cookieSession(await signIn("carla@example.com", password))

        const resetToken = await requestReset("carla@example.com")
        const update = (newPassword: unknown) => api.post("/auth/customer/emailpass/update", { password: newPassword }, { headers: bearer(resetToken) })

        const weak = await failure(update("qwerty123"))
        expect([weak.status, weak.data.type, weak.data.rules]).toEqual([400, "invalid_data", [{ rule: "common", message: "it is a commonly used password" }]])
        const asEmail = await failure(update("carla@example.com"))
        expect(asEmail.data.rules.map((r: any) => r.rule)).toEqual(["not_email"])
        const missing = await failure(update(undefined))
        expect(missing.data.rules.map((r: any) => r.rule)).toEqual(["required"])

        // The refusals left the single-use token unspent.
        const started = Date.now()
        const done = await update("new-garden-path-9")
        expect([done.status, done.data]).toEqual([200, { success: true }])
        expect(Date.now() - started).toBeLessThan(10_000)
        const reused = await failure(update("another-garden-path-9"))
        expect(reused.status).toBe(401)

        expect((await failure(me(carla.headers))).status).toBe(401)
        expect((await failure(me(laptop))).status).toBe(401)
        expect((await failure(api.post("/auth/customer/emailpass", { email: "carla@example.com", password }))).status).toBe(401)
        expect((await me(bearer(await signIn("carla@example.com", "new-garden-path-9")))).status).toBe(200)
        expect((await me(other.headers)).status).toBe(200)

        const events = await securityEvents(carla.id)
        expect(events.map((e) => [e.kind, e.outcome, e.actor_type, e.details])).toEqual([
          ["password_changed", "reset", "customer", null],
          // The reset request itself (password-resets-and-log.spec covers those entries).
          ["password_reset_request", "sent", "anonymous", null],
          ["sessions_revoked", "revoked", "customer", { reason: "password_reset" }],
        ])
        // Never a secret in the log.
        expect(JSON.stringify(events)).not.toMatch(/garden-path|secret-password|qwerty/)
        expect(JSON.stringify(events)).not.toContain(resetToken)
      })

      it("applies the merchant's stricter policy (Adobe's 3 classes, a zxcvbn strength) and names every unmet rule", async () => {
        const register = (email: string, password: unknown) => failure(api.post("/auth/customer/emailpass/register", { email, password }))
        await setPolicy({ min_length: 12, required_classes: 3, min_strength: 3 })
        const adobe = await eventually(async () => {
          const res = await register("dora@example.com", "sunshine")
          expect(res.data.rules.map((r: any) => r.rule)).toContain("required_classes")
          return res
        })
        expect(adobe.status).toBe(400)
        expect(adobe.data.rules.map((r: any) => r.rule)).toEqual(["min_length", "common", "required_classes", "min_strength"])
        expect(adobe.data.message).toMatch(/^Password not accepted: it must have at least 12 characters; it is a commonly used password; it must use at least 3 of/)
        const accepted = await api.post("/auth/customer/emailpass/register", { email: "dora@example.com", password: "Fjord-Lantern-73" })
        expect([accepted.status, typeof accepted.data.token]).toEqual([200, "string"])

        await setPolicy({})
      })

      it("rolls a revocation back when its workflow fails: the earlier revocation stands, or none", async () => {
        const carla = await registerCustomer(api, publishableKey, { email: "carla@example.com" })
        const activity = getContainer().resolve<CustomerActivityModuleService>(CUSTOMER_ACTIVITY_MODULE)
        const failing = () => {
          const workflow = revokeCustomerSessionsWorkflow(getContainer())
          workflow.appendAction("fail", revokeCustomerSessionsStepId, {
            invoke: async () => {
              throw new Error("fail after revoke")
            },
          })
          return workflow.run({ input: { customer_id: carla.id, reason: "staff", actor_type: "user", actor_id: admin.userId }, throwOnError: false })
        }
        const first = await failing()
        expect(first.errors[0].error.message).toBe("fail after revoke")
        expect(await activity.listCustomerSessionRevocations({ customer_id: carla.id })).toEqual([])
        expect(await securityEvents(carla.id)).toEqual([])
        expect((await me(carla.headers)).status).toBe(200)

        const { data } = await api.post(`/admin/customers/${carla.id}/sessions/revoke`, {}, admin)
        await failing()
        const [row] = await activity.listCustomerSessionRevocations({ customer_id: carla.id })
        expect([new Date(row.revoked_at).toISOString(), row.reason]).toEqual([data.revocation.revoked_at, "staff"])
        expect((await securityEvents(carla.id)).map((e) => e.kind)).toEqual(["sessions_revoked"])
      })

      it("enforces a revocation written by another instance within 5 seconds (the memo's lifetime)", async () => {
        const carla = await registerCustomer(api, publishableKey, { email: "carla@example.com" })
        // This instance has read Carla's (absent) revocation and remembers it.
        expect((await me(carla.headers)).status).toBe(200)
        // Another instance revokes: the shared database changes, this instance's memo does not know.
        const written = await getContainer().resolve<CustomerActivityModuleService>(CUSTOMER_ACTIVITY_MODULE).revokeSessions(carla.id, "customer")
        const refusedAfter = await eventually(
          async () => {
            const res = await me(carla.headers).catch((e: any) => e.response)
            expect(res.status).toBe(401)
            return Date.now() - written.revoked_at.getTime()
          },
          { timeout: 8_000, interval: 100 }
        )
        expect(refusedAfter).toBeLessThanOrEqual(5_000)
      })

      it("is enforced by a second instance sharing the database within 5 seconds; a new sign-in works on both", async () => {
        // A second app process (`medusa start`) on the test database, as a second server behind a load balancer.
        const root = path.resolve(__dirname, "../..")
        const port = await getPort()
        const other = `http://localhost:${port}`
        const server = startProcess(path.join(root, "node_modules", ".bin", "medusa"), ["start"], {
          cwd: root,
          env: { ...process.env, DATABASE_URL: dbConfig.clientUrl, PORT: String(port), DISABLE_MEDUSA_ADMIN: "true", MEDUSA_DISABLE_TELEMETRY: "true" },
        })
        try {
          await waitForUrl(`${other}/health`, 240_000, server)
          const onOther = (route: string, headers: Record<string, string>, body?: unknown) =>
            fetch(`${other}${route}`, {
              method: body === undefined ? "GET" : "POST",
              headers: { "content-type": "application/json", "x-publishable-api-key": publishableKey, ...headers },
              body: body === undefined ? undefined : JSON.stringify(body),
            })
          const password = "secret-password-1"
          const carla = await registerCustomer(api, publishableKey, { email: "carla@example.com" }, password)
          // The other instance reads Carla's (absent) revocation and remembers it.
          expect((await onOther("/store/customers/me", carla.headers)).status).toBe(200)

          const { data } = await api.post("/store/customers/me/sessions/revoke", {}, store(carla.headers))
          const revokedAt = new Date(data.revocation.revoked_at).getTime()
          expect((await failure(me(carla.headers))).status).toBe(401) // this instance: at once
          const refusedAfter = await eventually(
            async () => {
              const res = await onOther("/store/customers/me", carla.headers)
              expect(res.status).toBe(401)
              expect(await res.json()).toMatchObject({ type: "unauthorized", message: expect.stringMatching(/signed out/) })
              return Date.now() - revokedAt
            },
            { timeout: 10_000, interval: 100 }
          )
          expect(refusedAfter).toBeLessThanOrEqual(5_000 + 500) // the memo's 4 s, a read, and the poll's step

          // Signing in again on the other instance works there and here.
          const signIn = await onOther("/auth/customer/emailpass", {}, { email: "carla@example.com", password })
          const { token } = (await signIn.json()) as { token: string }
          expect((await onOther("/store/customers/me", bearer(token))).status).toBe(200)
          expect((await me(bearer(token))).status).toBe(200)
        } finally {
          await server.stop()
        }
      })
    })
  },
})
