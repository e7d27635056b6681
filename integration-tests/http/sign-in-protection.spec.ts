import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import Scrypt from "scrypt-kdf"
import { forgetActivitySettings } from "../../src/api/utils/activity-settings"
import { forgetRefusedLog } from "../../src/api/utils/sign-in-throttle"
import pruneSignInLimitsJob from "../../src/jobs/prune-sign-in-limits"
import { CUSTOMER_ACTIVITY_MODULE } from "../../src/modules/customer_activity"
import { CustomerActivityEvents } from "../../src/modules/customer_activity/events"
import { RATE_LIMIT_TABLE } from "../../src/modules/customer_activity/limits"
import type CustomerActivityModuleService from "../../src/modules/customer_activity/service"
import { pruneExpiredLimits } from "../../src/modules/customer_activity/sign-in-limits"
import { CUSTOMER_SUITE_MODULE } from "../../src/modules/customer_suite"
import { SignInOptionsSchema } from "../../src/modules/customer_suite/options"
import type CustomerSuiteModuleService from "../../src/modules/customer_suite/service"
import { createAdminUser, type AuthHeaders } from "../helpers/admin"
import { createPublishableKey, registerCustomer } from "../helpers/store"
import { eventually } from "../helpers/wait"
import { clearSignInLocksStep, type ClearSignInLocksInput } from "../../src/workflows/sign-in-protection"

jest.setTimeout(180_000)

const EMAIL = "sam@example.com"
const PASSWORD = "secret-password-1"

const failAfterClear = createStep("customer-suite-test-fail-after-clear-sign-in-locks", async () => {
  throw new Error("a later step failed")
})
/** Clear an account's counters, then fail: they must be as before. */
const failingUnlock = createWorkflow("customer-suite-test-failing-sign-in-unlock", (input: ClearSignInLocksInput) => {
  clearSignInLocksStep(input)
  failAfterClear()
})

type Raw = { status: number; body: string; headers: Record<string, unknown>; ms: number }

/**
 * Sign-in protection over HTTP (issue 15 §1): counts, locks and their end,
 * answers identical to a wrong password, clients by socket or trusted
 * X-Forwarded-For (IPv6 per /64), staff unlock, the lock event.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    describe("sign-in protection", () => {
      let admin: AuthHeaders & { userId: string }
      let customerId: string
      let emit: jest.SpyInstance

      const knex = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const activity = () => getContainer().resolve<CustomerActivityModuleService>(CUSTOMER_ACTIVITY_MODULE)
      /** Settings as the settings page stores them (the sign_in group whole), in force at once. */
      const configure = async (signIn: Record<string, unknown>, extra: Record<string, unknown> = {}) => {
        await getContainer()
          .resolve<CustomerSuiteModuleService>(CUSTOMER_SUITE_MODULE)
          .overrideSettings({ activity: { sign_in: SignInOptionsSchema.parse(signIn), ...extra } })
        forgetActivitySettings()
      }
      /** A sign-in, answered as sent (status, exact body, headers); `from`: the X-Forwarded-For value. */
      const signIn = async (
        password: string,
        { email = EMAIL, from, method = "post", url = "/auth/customer/emailpass" }: { email?: string; from?: string; method?: "post" | "get"; url?: string } = {}
      ): Promise<Raw> => {
        const started = performance.now()
        const response = await api.request({
          method,
          url,
          data: { email, password },
          headers: { "content-type": "application/json", ...(from ? { "x-forwarded-for": from } : {}) },
          validateStatus: () => true,
          transformResponse: [(data: unknown) => data],
        })
        return { status: response.status, body: response.data as string, headers: response.headers as Record<string, unknown>, ms: performance.now() - started }
      }
      const tokenOf = (raw: Raw): string | undefined => (raw.status === 200 ? JSON.parse(raw.body).token : undefined)
      const signInLog = (email = EMAIL) => activity().listCustomerSecurityEvents({ kind: "sign_in", email }, { order: { occurred_at: "ASC" }, take: null })
      const lockLog = () => activity().listCustomerSecurityEvents({ kind: "account_locked" }, { take: null })
      const lockEvents = () =>
        emit.mock.calls.flatMap(([messages]) => (Array.isArray(messages) ? messages : [messages])).filter((m: { name: string }) => m.name === CustomerActivityEvents.ACCOUNT_LOCKED)
      const lockState = async (id = customerId) => (await api.get(`/admin/customers/${id}/sign-in-lock`, admin)).data.sign_in_lock

      beforeEach(async () => {
        const container = getContainer()
        await knex().raw(`delete from ${RATE_LIMIT_TABLE}`)
        forgetActivitySettings()
        forgetRefusedLog()
        admin = await createAdminUser(container)
        const publishableKey = await createPublishableKey(container)
        customerId = (await registerCustomer(api, publishableKey, { email: EMAIL, first_name: "Sam" }, PASSWORD)).id
        emit = jest.spyOn(container.resolve(Modules.EVENT_BUS), "emit")
      })

      afterEach(() => {
        emit.mockRestore()
      })

      it("locks one account from one client after max_failures, answering exactly as a wrong password, even for the right one", async () => {
        await configure({ max_failures: 3 })
        const wrong = await signIn("wrong-1")
        expect(wrong.status).toBe(401)
        expect(JSON.parse(wrong.body)).toEqual({ type: "unauthorized", message: "Invalid email or password" })
        expect((await lockState()).failures).toBe(1)
        const second = await signIn("wrong-2")
        expect(await lockState()).toMatchObject({ locked: false, failures: 2, locked_pairs: 0 })
        const third = await signIn("wrong-3")
        expect([third.status, third.body]).toEqual([wrong.status, wrong.body])

        const state = await lockState()
        expect(state).toEqual({
          customer_id: customerId,
          email: EMAIL,
          lockout_mode: "account_and_ip",
          locked: true,
          locked_until: expect.any(String),
          failures: 3,
          max_failures: 100,
          locked_pairs: 1,
        })
        const lockedFor = new Date(state.locked_until).getTime() - Date.now()
        expect(lockedFor).toBeGreaterThan(9 * 60_000)
        expect(lockedFor).toBeLessThanOrEqual(10 * 60_000)

        // Refused: status, body and headers as for a wrong password, the right password included.
        // Every header but the date (content type and length, etag, CORS…).
        const headers = ({ date, ...rest }: Record<string, unknown>) => rest
        const same = (raw: Raw) => {
          expect([raw.status, raw.body, headers(raw.headers)]).toEqual([wrong.status, wrong.body, headers(wrong.headers)])
        }
        // The same work as a wrong password: one scrypt check of the stored hash each (Medusa's for a counted
        // attempt, the throttle's for a refused one), and Medusa's handler (MFA lookup, signing) never runs.
        const verify = jest.spyOn(Scrypt, "verify")
        const authenticate = jest.spyOn(getContainer().resolve(Modules.AUTH), "authenticate")
        const refusedWrong = await signIn("wrong-4")
        same(refusedWrong)
        const right = await signIn(PASSWORD)
        same(right)
        expect(tokenOf(right)).toBeUndefined()
        // GET answers from the JSON body too: covered the same way.
        const refusedGet = await signIn(PASSWORD, { method: "get" })
        same(refusedGet)
        expect([verify.mock.calls.length, authenticate.mock.calls.length]).toEqual([3, 0])

        // And in time. Several refused attempts with the right and a wrong password, interleaved: the medians are
        // alike (the right password costs nothing more), and a refused attempt still pays for the password check
        // (answering at once would be many times faster than a counted wrong password).
        const rightTimes: number[] = []
        const wrongTimes: number[] = []
        for (let i = 0; i < 7; i++) {
          const r = await signIn(PASSWORD)
          const w = await signIn(`wrong-again-${i}`)
          same(r)
          same(w)
          rightTimes.push(r.ms)
          wrongTimes.push(w.ms)
        }
        expect([verify.mock.calls.length, authenticate.mock.calls.length]).toEqual([17, 0])
        verify.mockRestore()
        authenticate.mockRestore()
        const median = (ms: number[]) => [...ms].sort((a, b) => a - b)[Math.floor(ms.length / 2)]
        const ratio = median(rightTimes) / median(wrongTimes)
        expect(ratio).toBeGreaterThan(0.5)
        expect(ratio).toBeLessThan(2)
        expect(median([...rightTimes, ...wrongTimes])).toBeGreaterThan(median([wrong.ms, second.ms, third.ms]) / 3)
        // An unknown email gets the same answer as well.
        same(await signIn("whatever", { email: "nobody@example.com" }))

        await eventually(async () => {
          const log = await signInLog()
          // Refusals are logged once a minute per refused counter: 17 refused attempts, one entry.
          expect(log.map((e) => e.outcome)).toEqual(["success", "failure", "failure", "failure", "locked"])
          expect(log.slice(1).every((e) => e.customer_id === customerId && e.actor_type === "anonymous" && e.ip === "127.0.0.1")).toBe(true)
          expect(log[0]).toMatchObject({ actor_type: "customer", actor_id: customerId })
          expect(log[4].details).toEqual({ actor_type: "customer", scope: "pair" })
          expect(log[1].details).toEqual({ actor_type: "customer" })
        })
        await eventually(async () => {
          expect(await lockLog()).toEqual([expect.objectContaining({ customer_id: customerId, email: EMAIL, actor_type: "system", details: { scope: "pair", locked_until: expect.any(String) } })])
          expect(lockEvents()).toEqual([
            expect.objectContaining({ name: CustomerActivityEvents.ACCOUNT_LOCKED, data: { customer_id: customerId, scope: "pair", locked_until: expect.any(String) } }),
          ])
        })
        expect(Math.abs(new Date(lockEvents()[0].data.locked_until).getTime() - new Date(state.locked_until).getTime())).toBeLessThan(2_000)
      })

      it("counts sign-ins through any actor type on the same counters (Medusa checks the email's password whatever the actor type)", async () => {
        await configure({ max_failures: 3 })
        // Medusa's answer to the customer's right password through the user route: a token (the identity is shared).
        expect((await signIn(PASSWORD, { url: "/auth/user/emailpass" })).status).toBe(200)
        const wrong = await signIn("wrong-1", { url: "/auth/user/emailpass" })
        expect([wrong.status, JSON.parse(wrong.body)]).toEqual([401, { type: "unauthorized", message: "Invalid email or password" }])
        await signIn("wrong-2", { url: "/auth/made-up-actor/emailpass", method: "get" })
        expect((await lockState()).failures).toBe(2)
        await signIn("wrong-3", { url: "/auth/customer/emailpass" })
        expect(await lockState()).toMatchObject({ locked: true, failures: 3, locked_pairs: 1 })
        // Locked on every actor type's route, the right password included; counted once per request (not 2 a request).
        for (const url of ["/auth/user/emailpass", "/auth/customer/emailpass", "/auth/made-up-actor/emailpass", "/AUTH/User/EmailPass"]) {
          const refused = await signIn(PASSWORD, { url })
          expect([url, refused.status, refused.body]).toEqual([url, wrong.status, wrong.body])
        }
        await eventually(async () => {
          const log = await signInLog()
          expect(log.map((e) => [e.outcome, e.details])).toEqual([
            ["success", { actor_type: "customer" }],
            ["success", { actor_type: "user" }],
            ["failure", { actor_type: "user" }],
            ["failure", { actor_type: "made-up-actor" }],
            ["failure", { actor_type: "customer" }],
            // Four refusals, logged once (once a minute per refused counter): the first one's route.
            ["locked", { actor_type: "user", scope: "pair" }],
          ])
        })
      })

      it("refuses (400) an /auth path with a percent-encoded character, so no fixed-segment protection can be skipped", async () => {
        await configure({ max_failures: 2 })
        const refusal = { type: "invalid_data", message: "The request path must not contain percent-encoded characters" }
        for (const url of ["/auth/customer/email%70ass", "/auth/%63ustomer/emailpass", "/auth/user/email%70ass", "/auth/customer/emailpass%2F"]) {
          for (const method of ["post", "get"] as const) {
            const encoded = await signIn(PASSWORD, { url, method })
            expect([url, method, encoded.status, JSON.parse(encoded.body)]).toEqual([url, method, 400, refusal])
          }
        }
        // Wrong passwords through encoded paths never reach the password check: the account is not locked by them, nor are they free guesses.
        for (let i = 0; i < 5; i++) {
          expect((await signIn(`wrong-${i}`, { url: "/auth/customer/email%70ass" })).status).toBe(400)
        }
        expect(tokenOf(await signIn(PASSWORD))).toEqual(expect.any(String))
        await signIn("wrong-a")
        await signIn("wrong-b")
        expect((await signIn(PASSWORD, { url: "/auth/customer/email%70ass" })).status).toBe(400)
        expect((await signIn(PASSWORD)).status).toBe(401)
      })

      it("counts any identifier Medusa takes, with or without @, of any length", async () => {
        await configure({ max_failures: 2 })
        const long = `${"a".repeat(400)}@example.com`
        for (const email of ["no-at-sign", "  No-At-Sign ", long]) {
          await signIn("wrong", { email })
        }
        // "no-at-sign" twice (folded): its pair is locked; the long one once.
        await eventually(async () => {
          const log = await signInLog("no-at-sign")
          expect(log.map((e) => e.outcome)).toEqual(["failure", "failure"])
          const longLog = await signInLog(long.slice(0, 320))
          expect(longLog.map((e) => e.outcome)).toEqual(["failure"])
        })
        await signIn("wrong", { email: "no-at-sign" })
        await eventually(async () => expect((await signInLog("no-at-sign")).map((e) => e.outcome)).toEqual(["failure", "failure", "locked"]))
      })

      it("starts counting again when the lock ends, and a success resets the account's count", async () => {
        await configure({ max_failures: 3 })
        await signIn("wrong-1")
        await signIn("wrong-2")
        expect(tokenOf(await signIn(PASSWORD))).toEqual(expect.any(String))
        expect((await lockState()).failures).toBe(0)
        // Without the reset this would be failures 3 and 4: locked.
        await signIn("wrong-3")
        await signIn("wrong-4")
        expect(tokenOf(await signIn(PASSWORD))).toEqual(expect.any(String))

        for (const attempt of ["a", "b", "c"]) {
          await signIn(`wrong-${attempt}`)
        }
        expect((await signIn(PASSWORD)).status).toBe(401)
        // The lock's end (10 minutes) arrives: its counters expire.
        await knex().raw(`update ${RATE_LIMIT_TABLE} set expire = ? where key like 'cs:si:%'`, [Date.now() - 1])
        expect(await lockState()).toMatchObject({ locked: false, failures: 0, locked_pairs: 0 })
        await signIn("wrong-d")
        expect((await lockState()).failures).toBe(1)
        expect(tokenOf(await signIn(PASSWORD))).toEqual(expect.any(String))
      })

      it("lets exactly max_failures of 50 parallel wrong attempts reach the password check", async () => {
        await configure({ max_failures: 5 })
        const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => signIn(`wrong-${i}`)))
        expect(new Set(answers.map((a) => `${a.status} ${a.body}`)).size).toBe(1)
        expect(answers[0].status).toBe(401)
        await eventually(async () => {
          const outcomes = (await signInLog()).map((e) => e.outcome).filter((o) => o !== "success")
          expect(outcomes.filter((o) => o === "failure")).toHaveLength(5)
          // 45 refused, logged once (at most one entry a minute per refused counter and instance).
          expect(outcomes.filter((o) => o === "locked")).toHaveLength(1)
          expect(lockEvents()).toHaveLength(1)
        })
        expect(await lockState()).toMatchObject({ locked: true, failures: 5, locked_pairs: 1 })
        expect((await signIn(PASSWORD)).status).toBe(401)
      })

      it("account_and_ip: another client still signs in while one pair is locked; the account locks after max_failures_per_account from all clients", async () => {
        await configure({ max_failures: 2, max_failures_per_account: 4 }, { trusted_proxies: ["loopback"] })
        await signIn("wrong-1", { from: "198.51.100.1" })
        await signIn("wrong-2", { from: "198.51.100.1" })
        expect((await signIn(PASSWORD, { from: "198.51.100.1" })).status).toBe(401)
        // The owner, elsewhere: signed in (and the account's count reset); the attacker's pair stays locked.
        expect(tokenOf(await signIn(PASSWORD, { from: "198.51.100.2" }))).toEqual(expect.any(String))
        expect((await signIn(PASSWORD, { from: "198.51.100.1" })).status).toBe(401)
        expect(await lockState()).toMatchObject({ locked: true, failures: 0, max_failures: 4, locked_pairs: 1 })

        // Distributed guessing: one failure from each of four clients locks the account everywhere.
        for (const last of [10, 11, 12, 13]) {
          expect((await signIn("wrong", { from: `198.51.100.${last}` })).status).toBe(401)
        }
        expect((await signIn(PASSWORD, { from: "198.51.100.20" })).status).toBe(401)
        expect(await lockState()).toMatchObject({ locked: true, failures: 4, locked_pairs: 1 })
        await eventually(async () => {
          expect(lockEvents().map((e: { data: { scope: string } }) => e.data.scope).sort()).toEqual(["account", "pair"])
          const log = await signInLog()
          expect(log.find((e) => e.outcome === "failure")?.ip).toBe("198.51.100.1")
        })

        // Staff unlock: everything cleared, logged with the staff user.
        const unlocked = await api.post(`/admin/customers/${customerId}/unlock`, {}, admin)
        expect(unlocked.data.sign_in_lock).toMatchObject({ customer_id: customerId, locked: false, locked_until: null, failures: 0, locked_pairs: 0 })
        expect(tokenOf(await signIn(PASSWORD, { from: "198.51.100.1" }))).toEqual(expect.any(String))
        const [unlock] = await activity().listCustomerSecurityEvents({ kind: "unlock" })
        expect(unlock).toMatchObject({ customer_id: customerId, email: EMAIL, actor_type: "user", actor_id: admin.userId, outcome: "unlocked", details: { cleared: 7 } })
      })

      it("after the customer's email changes, lock state and unlock follow the email the account signs in with", async () => {
        await configure({ max_failures: 2 })
        await signIn("wrong-1")
        await signIn("wrong-2")
        await getContainer().resolve(Modules.CUSTOMER).updateCustomers(customerId, { email: "sam.new@example.com" })
        expect(await lockState()).toMatchObject({ email: EMAIL, locked: true, locked_pairs: 1 })
        expect((await signIn(PASSWORD)).status).toBe(401)
        const unlocked = await api.post(`/admin/customers/${customerId}/unlock`, {}, admin)
        expect(unlocked.data.sign_in_lock).toMatchObject({ email: EMAIL, locked: false, failures: 0 })
        expect(tokenOf(await signIn(PASSWORD))).toEqual(expect.any(String))
      })

      it("puts the counters back when a later step of an unlock fails", async () => {
        await configure({ max_failures: 2 })
        await signIn("wrong-1")
        await signIn("wrong-2")
        const before = await lockState()
        expect(before).toMatchObject({ locked: true, failures: 2, locked_pairs: 1 })
        const { errors } = await failingUnlock(getContainer()).run({ input: { email: EMAIL }, throwOnError: false })
        expect(errors.map((e) => e.error.message)).toEqual(["a later step failed"])
        expect(await lockState()).toEqual(before)
        expect((await signIn(PASSWORD)).status).toBe(401)
      })

      it("account mode (Adobe's rule): the account locks after max_failures from anywhere", async () => {
        await configure({ lockout_mode: "account", max_failures: 2 }, { trusted_proxies: ["loopback"] })
        await signIn("wrong-1", { from: "198.51.100.1" })
        await signIn("wrong-2", { from: "198.51.100.2" })
        expect((await signIn(PASSWORD, { from: "203.0.113.50" })).status).toBe(401)
        expect(await lockState()).toMatchObject({ lockout_mode: "account", locked: true, failures: 2, max_failures: 2, locked_pairs: 0 })
        await eventually(async () => {
          expect(lockEvents()).toEqual([expect.objectContaining({ data: { customer_id: customerId, scope: "account", locked_until: expect.any(String) } })])
        })
      })

      it("limits one client across accounts; a success gives the client its point back", async () => {
        await configure({ max_failures_per_ip: 3 }, { trusted_proxies: ["loopback"] })
        const from = "198.51.100.7"
        await signIn("wrong", { email: "x@example.com", from })
        // The right password: counted, then given back.
        expect(tokenOf(await signIn(PASSWORD, { from }))).toEqual(expect.any(String))
        await signIn("wrong", { email: "y@example.com", from })
        await signIn("wrong", { email: "z@example.com", from })
        // Three failures from this client: refused whoever it names.
        expect((await signIn(PASSWORD, { from })).status).toBe(401)
        expect(tokenOf(await signIn(PASSWORD, { from: "198.51.100.8" }))).toEqual(expect.any(String))
        await eventually(async () => {
          expect((await signInLog("z@example.com")).map((e) => e.outcome)).toEqual(["failure"])
          expect(lockEvents()).toEqual([expect.objectContaining({ data: { customer_id: null, scope: "ip", locked_until: expect.any(String) } })])
          const [lock] = await lockLog()
          expect(lock).toMatchObject({ customer_id: null, email: null, ip: from, details: { scope: "ip", locked_until: expect.any(String) } })
        })
        // An IP lock is no account's lock.
        expect((await lockState()).locked).toBe(false)
      })

      it("ignores X-Forwarded-For from an untrusted proxy", async () => {
        await configure({ max_failures: 2 })
        await signIn("wrong-1", { from: "198.51.100.1" })
        await signIn("wrong-2", { from: "198.51.100.2" })
        expect((await signIn(PASSWORD, { from: "198.51.100.3" })).status).toBe(401)
        await eventually(async () => {
          const log = await signInLog()
          expect(log.filter((e) => e.outcome !== "success").map((e) => e.ip)).toEqual(["127.0.0.1", "127.0.0.1", "127.0.0.1"])
        })
      })

      it("counts IPv6 clients per /64", async () => {
        await configure({ max_failures: 2 }, { trusted_proxies: ["loopback"] })
        await signIn("wrong-1", { from: "2001:db8:1:2::1" })
        await signIn("wrong-2", { from: "2001:db8:1:2:ffff:ffff:ffff:ffff" })
        expect((await signIn(PASSWORD, { from: "2001:db8:1:2::abcd" })).status).toBe(401)
        expect(tokenOf(await signIn(PASSWORD, { from: "2001:db8:1:3::1" }))).toEqual(expect.any(String))
      })

      it("does not count a request without an email or a password (Medusa answers it)", async () => {
        await configure({ max_failures: 2 })
        for (let i = 0; i < 3; i++) {
          const noPassword = await api.post("/auth/customer/emailpass", { email: EMAIL }).catch((e: { response: { status: number; data: { message: string } } }) => e.response)
          expect([noPassword.status, noPassword.data.message]).toEqual([401, "Password should be a string"])
          const noEmail = await api.post("/auth/customer/emailpass", { password: "x" }).catch((e: { response: { status: number; data: { message: string } } }) => e.response)
          expect(noEmail.status).toBe(401)
        }
        expect(tokenOf(await signIn(PASSWORD))).toEqual(expect.any(String))
      })

      it("with activity turned off, the account-security admin routes answer 404 and write nothing", async () => {
        const suite = getContainer().resolve<CustomerSuiteModuleService>(CUSTOMER_SUITE_MODULE)
        const off = jest.spyOn(suite, "isEnabled").mockImplementation(async (capability) => capability !== "activity")
        try {
          // The fixture's sign-in is logged after its answer: wait for it, then start from an empty log.
          await eventually(async () => expect(await activity().listCustomerSecurityEvents({ kind: "sign_in" })).not.toEqual([]))
          await activity().deleteCustomerSecurityEvents((await activity().listCustomerSecurityEvents({}, { select: ["id"] })).map((e) => e.id))
          const answers: Array<[string, number, string]> = []
          for (const [method, path] of [
            ["get", `/admin/customers/${customerId}/sign-in-lock`],
            ["post", `/admin/customers/${customerId}/unlock`],
            ["get", `/admin/customers/${customerId}/security-events`],
            ["post", `/admin/customers/${customerId}/password-reset`],
            ["get", `/admin/customers/${customerId}/presence`],
            ["get", "/admin/customer-suite/online"],
          ] as const) {
            const response = await (method === "get" ? api.get(path, admin) : api.post(path, {}, admin)).catch(
              (e: { response: { status: number; data: { message: string } } }) => e.response
            )
            answers.push([path, response.status, response.data.message])
          }
          expect(answers).toEqual(answers.map(([path]) => [path, 404, "activity is turned off in the customer suite's options"]))
          expect(await activity().listCustomerSecurityEvents({}, { select: ["id"] })).toEqual([])
        } finally {
          off.mockRestore()
        }
        expect((await api.get(`/admin/customers/${customerId}/sign-in-lock`, admin)).status).toBe(200)
      })

      it("answers 404 for an unknown customer, 400 for a body it does not take", async () => {
        const missing = await api.get("/admin/customers/cus_missing/sign-in-lock", admin).catch((e: { response: { status: number; data: { message: string } } }) => e.response)
        expect(missing.status).toBe(404)
        const missingUnlock = await api.post("/admin/customers/cus_missing/unlock", {}, admin).catch((e: { response: { status: number; data: { message: string } } }) => e.response)
        expect(missingUnlock.status).toBe(404)
        const extra = await api.post(`/admin/customers/${customerId}/unlock`, { everywhere: true }, admin).catch((e: { response: { status: number; data: { message: string } } }) => e.response)
        expect(extra.status).toBe(400)
        const fresh = await lockState()
        expect(fresh).toEqual({ customer_id: customerId, email: EMAIL, lockout_mode: "account_and_ip", locked: false, locked_until: null, failures: 0, max_failures: 100, locked_pairs: 0 })
      })

      it("prunes expired counters and keeps live ones", async () => {
        const now = Date.now()
        const expired = Array.from({ length: 30 }, (_, i) => [`cs:si:pair:old${i}`, 3, now - 1_000 - i])
        await knex().raw(
          `insert into ${RATE_LIMIT_TABLE} (key, points, expire) values ${[...expired, ["cs:si:acct:live", 2, now + 600_000]].map(() => "(?, ?, ?)").join(", ")}`,
          [...expired, ["cs:si:acct:live", 2, now + 600_000]].flat()
        )
        // Bounded: at most batchSize × maxBatches rows a run.
        expect(await pruneExpiredLimits(knex(), Date.now(), { batchSize: 7, maxBatches: 2 })).toBe(14)
        await pruneSignInLimitsJob(getContainer())
        const { rows } = await knex().raw(`select key from ${RATE_LIMIT_TABLE} where key like 'cs:si:pair:old%' or key = 'cs:si:acct:live'`)
        expect(rows.map((r: { key: string }) => r.key)).toEqual(["cs:si:acct:live"])
      })
    })
  },
})
