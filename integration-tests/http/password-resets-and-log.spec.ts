import { Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import pruneSecurityEventsJob from "../../src/jobs/prune-security-events"
import { CUSTOMER_ACTIVITY_MODULE } from "../../src/modules/customer_activity"
import type CustomerActivityModuleService from "../../src/modules/customer_activity/service"
import type { SecurityEventInput } from "../../src/modules/customer_activity/service"
import { CUSTOMER_SUITE_MODULE } from "../../src/modules/customer_suite"
import type CustomerSuiteModuleService from "../../src/modules/customer_suite/service"
import { forgetActivitySettings } from "../../src/api/utils/activity-settings"
import { pruneSecurityEventsWorkflow, recordSecurityEventsStepId, sendCustomerPasswordResetWorkflow } from "../../src/workflows/customer-activity"
import { createAdminUser, type AuthHeaders } from "../helpers/admin"
import { createPublishableKey, registerCustomer } from "../helpers/store"
import { eventually } from "../helpers/wait"

jest.setTimeout(180_000)

const RESET = "/auth/customer/emailpass/reset-password"
const DAY_MS = 86_400_000

type ResetSettings = { protection: "ip_and_email" | "ip" | "email" | "none"; max_requests_per_hour: number; min_seconds_between: number }

/**
 * Password reset throttling (by IP and/or email, an hourly count and a
 * minimum spacing), resets sent by staff through Medusa's own reset-token
 * workflow, the customer's security log and its retention, over HTTP.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    describe("password resets and the security log", () => {
      let admin: AuthHeaders & { userId: string }
      let publishableKey: string
      let customer: { id: string; email: string }

      const failure = (promise: Promise<unknown>) =>
        promise.then(
          (ok: any) => Promise.reject(new Error(`expected a failure, got ${ok?.status} ${JSON.stringify(ok?.data)?.slice(0, 300)}`)),
          (e: any) => e.response
        )
      /** The reset request's status, Retry-After and body, refused or not. */
      const requestReset = async (identifier: string, from?: string, url = RESET) => {
        const headers: Record<string, string> = { "user-agent": "reset-test/1.0" }
        if (from) {
          headers["x-forwarded-for"] = from
        }
        const answer = await api.post(url, { identifier }, { headers }).catch((e: any) => e.response)
        return { status: answer.status as number, retryAfter: answer.headers["retry-after"] as string | undefined, body: answer.data }
      }
      const statuses = async (identifiers: string[], from?: string) => {
        const out: number[] = []
        for (const identifier of identifiers) {
          out.push((await requestReset(identifier, from)).status)
        }
        return out
      }
      const settingsService = () => getContainer().resolve<CustomerSuiteModuleService>(CUSTOMER_SUITE_MODULE)
      const activity = () => getContainer().resolve<CustomerActivityModuleService>(CUSTOMER_ACTIVITY_MODULE)
      /** Changes the settings in force at once (the settings route does the same). */
      const settle = async (password_reset: ResetSettings, extra: Record<string, unknown> = {}) => {
        await settingsService().overrideSettings({ activity: { password_reset, trusted_proxies: ["loopback"], ...extra } })
        forgetActivitySettings()
      }
      const log = async (customerId = customer.id, query = "") => (await api.get(`/admin/customers/${customerId}/security-events${query}`, admin)).data
      const staffReset = (customerId = customer.id) => api.post(`/admin/customers/${customerId}/password-reset`, {}, admin)

      beforeEach(async () => {
        const container = getContainer()
        forgetActivitySettings()
        admin = await createAdminUser(container)
        publishableKey = await createPublishableKey(container)
        const registered = await registerCustomer(api, publishableKey, { email: "rita@example.com", first_name: "Rita" })
        customer = { id: registered.id, email: "rita@example.com" }
        // The fixture signs Rita in, and sign-in protection logs it after the answer: wait for that entry, then
        // start every test with an empty log.
        await eventually(async () => expect(await activity().listCustomerSecurityEvents({ kind: "sign_in" })).not.toEqual([]))
        const fixture = await activity().listCustomerSecurityEvents({}, { select: ["id"] })
        await activity().deleteCustomerSecurityEvents(fixture.map((e) => e.id))
      })

      it("ip_and_email (default): the email is limited across IPs, the IP across emails, refused with Retry-After and the same words for any email", async () => {
        await settle({ protection: "ip_and_email", max_requests_per_hour: 2, min_seconds_between: 0 })
        // The email's limit, from three IPs.
        expect(await statuses([customer.email], "203.0.113.1")).toEqual([201])
        expect(await statuses([customer.email], "203.0.113.2")).toEqual([201])
        const known = await requestReset(customer.email, "203.0.113.3")
        expect(known.status).toBe(429)
        expect(Number(known.retryAfter)).toBeGreaterThan(3_500)
        expect(Number(known.retryAfter)).toBeLessThanOrEqual(3_600)
        expect(known.body).toEqual({ type: "too_many_requests", message: "Too many password reset requests; try again in 60 minutes" })
        // Case and spaces do not make another email.
        expect((await requestReset(" RITA@example.com", "203.0.113.4")).status).toBe(429)

        // The same for an email nobody has.
        expect(await statuses(["nobody@example.com", "nobody@example.com"], "203.0.113.5")).toEqual([201, 201])
        const unknown = await requestReset("nobody@example.com", "203.0.113.6")
        expect([unknown.status, unknown.body]).toEqual([known.status, known.body])

        // The IP's limit, across emails (the third email from 203.0.113.7 is refused, though new).
        expect(await statuses(["a@example.com", "b@example.com", "c@example.com"], "203.0.113.7")).toEqual([201, 201, 429])
        // IPv6: one /64 is one client.
        expect(await statuses(["d@example.com", "e@example.com", "f@example.com"], "2001:db8:0:1::1")).toEqual([201, 201, 429])
        expect(await statuses(["g@example.com"], "2001:db8:0:1::ffff")).toEqual([429])
        expect(await statuses(["g@example.com"], "2001:db8:0:2::1")).toEqual([201])
      })

      it("counts reset requests through any actor type on the email's counters (Medusa sends the email's reset whatever the actor type)", async () => {
        await settle({ protection: "email", max_requests_per_hour: 2, min_seconds_between: 0 })
        const sent: string[] = []
        const eventBus = getContainer().resolve(Modules.EVENT_BUS)
        const emit = jest.spyOn(eventBus, "emit")
        try {
          expect((await requestReset(customer.email, undefined, "/auth/user/emailpass/reset-password")).status).toBe(201)
          expect((await requestReset(customer.email, undefined, "/auth/made-up-actor/emailpass/reset-password")).status).toBe(201)
          for (const url of ["/auth/customer/emailpass/reset-password", "/auth/user/emailpass/reset-password", "/AUTH/User/EmailPass/reset-password"]) {
            expect([url, (await requestReset(customer.email, undefined, url)).status]).toEqual([url, 429])
          }
          for (const [messages] of emit.mock.calls) {
            for (const m of Array.isArray(messages) ? messages : [messages]) {
              if (m?.name === "auth.password_reset") {
                sent.push((m.data as { actor_type: string }).actor_type)
              }
            }
          }
        } finally {
          emit.mockRestore()
        }
        // Only the two allowed requests reached Medusa's route.
        expect(sent.sort()).toEqual(["made-up-actor", "user"])
        await eventually(async () => {
          const events = await activity().listCustomerSecurityEvents({ kind: "password_reset_request" }, { take: null })
          expect(events.map((e) => e.outcome).sort()).toEqual(["sent", "sent", "throttled", "throttled", "throttled"])
        })
      })

      it("refuses (400) a reset-password path with a percent-encoded character: it is neither counted nor sent", async () => {
        await settle({ protection: "email", max_requests_per_hour: 1, min_seconds_between: 0 })
        for (const url of ["/auth/customer/email%70ass/reset-password", "/auth/customer/emailpass/reset-passwor%64", "/auth/%63ustomer/emailpass/reset-password"]) {
          const answer = await requestReset(customer.email, undefined, url)
          expect([url, answer.status, answer.body]).toEqual([url, 400, { type: "invalid_data", message: "The request path must not contain percent-encoded characters" }])
        }
        // None of them took the email's single request of the hour.
        expect(await statuses([customer.email, customer.email])).toEqual([201, 429])
      })

      it("an X-Forwarded-For from an untrusted peer is ignored: the socket address is the client", async () => {
        await settle({ protection: "ip", max_requests_per_hour: 2, min_seconds_between: 0 }, { trusted_proxies: [] })
        expect(await statuses(["a@example.com"], "203.0.113.1")).toEqual([201])
        expect(await statuses(["b@example.com"], "203.0.113.2")).toEqual([201])
        expect(await statuses(["c@example.com"], "203.0.113.3")).toEqual([429])
      })

      it("ip: only the IP counts; email: only the email counts", async () => {
        await settle({ protection: "ip", max_requests_per_hour: 2, min_seconds_between: 0 })
        expect(await statuses([customer.email, customer.email, customer.email], "203.0.113.1")).toEqual([201, 201, 429])
        // Another IP may ask for the same email again.
        expect(await statuses([customer.email, customer.email], "203.0.113.2")).toEqual([201, 201])

        await settle({ protection: "email", max_requests_per_hour: 2, min_seconds_between: 0 })
        // Email counters start here (ip mode did not count them); one IP asks for many emails.
        expect(await statuses(["h@example.com", "i@example.com", "j@example.com", "k@example.com"], "203.0.113.1")).toEqual([201, 201, 201, 201])
        expect(await statuses(["h@example.com"], "203.0.113.9")).toEqual([201])
        expect(await statuses(["h@example.com"], "203.0.113.10")).toEqual([429])
      })

      it("min_seconds_between: the next request only once the gap has passed", async () => {
        await settle({ protection: "email", max_requests_per_hour: 100, min_seconds_between: 2 })
        const first = Date.now()
        expect((await requestReset(customer.email)).status).toBe(201)
        const early = await requestReset(customer.email)
        expect(early.status).toBe(429)
        expect(["1", "2"]).toContain(early.retryAfter)
        expect(early.body.message).toBe("Too many password reset requests; try again in 1 minute")
        // Refused requests do not push the gap further.
        const next = await eventually(
          async () => {
            const answer = await requestReset(customer.email)
            expect(answer.status).toBe(201)
            return Date.now()
          },
          { timeout: 6_000, interval: 250 }
        )
        expect(next - first).toBeGreaterThanOrEqual(1_500)
        expect(next - first).toBeLessThan(4_500)
      })

      it("none: never throttled", async () => {
        await settle({ protection: "none", max_requests_per_hour: 1, min_seconds_between: 600 })
        expect(await statuses(Array(6).fill(customer.email), "203.0.113.1")).toEqual(Array(6).fill(201))
      })

      it("records every reset request in the security log: sent, no_account or throttled, with IP and user agent", async () => {
        await settle({ protection: "email", max_requests_per_hour: 1, min_seconds_between: 0 })
        expect(await statuses([customer.email, customer.email], "203.0.113.8")).toEqual([201, 429])
        await eventually(async () => {
          const { security_events } = await log()
          expect(security_events.map((e: any) => [e.kind, e.outcome, e.customer_id, e.email, e.ip, e.user_agent, e.actor_type]).sort()).toEqual([
            ["password_reset_request", "sent", customer.id, customer.email, "203.0.113.8", "reset-test/1.0", "anonymous"],
            ["password_reset_request", "throttled", customer.id, customer.email, "203.0.113.8", "reset-test/1.0", "anonymous"],
          ])
        })
        expect(await statuses(["ghost@example.com"], "203.0.113.8")).toEqual([201])
        await eventually(async () => {
          const [row] = await activity().listCustomerSecurityEvents({ email: "ghost@example.com" })
          expect(row).toMatchObject({ kind: "password_reset_request", outcome: "no_account", customer_id: null })
        })
      })

      it("staff send a reset through Medusa's workflow: the customer's email gets auth.password_reset, the log records who sent it, the same limits apply", async () => {
        const eventBus = getContainer().resolve(Modules.EVENT_BUS)
        const received: any[] = []
        const spy = async ({ data }: { data: any }) => {
          received.push(data)
        }
        eventBus.subscribe("auth.password_reset", spy, { subscriberId: "customer-suite-test-reset-spy" })
        try {
          const { status, data } = await staffReset()
          expect(status).toBe(202)
          expect(data).toEqual({ password_reset: { customer_id: customer.id, email: customer.email, requested_at: expect.any(String) } })
          expect(JSON.stringify(data)).not.toMatch(/token/i)
          await eventually(async () => expect(received).toEqual([expect.objectContaining({ entity_id: customer.email, actor_type: "customer", token: expect.any(String) })]))

          // The emailed token is Medusa's own: it sets a new password.
          const update = await api.post(
            "/auth/customer/emailpass/update",
            { email: customer.email, password: "a-brand-new-passphrase" },
            { headers: { authorization: `Bearer ${received[0].token}` } }
          )
          expect(update.status).toBe(200)
          expect((await api.post("/auth/customer/emailpass", { email: customer.email, password: "a-brand-new-passphrase" })).status).toBe(200)

          // Default limits (10 minutes apart by email): a second send, or the customer's own request, is refused.
          const again = await failure(staffReset())
          expect([again.status, again.headers["retry-after"] > 0, again.data]).toEqual([
            429,
            true,
            { type: "too_many_requests", message: "Too many password reset requests; try again in 10 minutes" },
          ])
          expect((await requestReset(customer.email, "203.0.113.20")).status).toBe(429)
          expect(received).toHaveLength(1)

          await eventually(async () => {
            const { security_events } = await log(customer.id, "?kind=staff_password_reset")
            expect(security_events.map((e: any) => [e.outcome, e.actor_type, e.actor_id, e.customer_id, e.email])).toEqual([
              ["throttled", "user", admin.userId, customer.id, customer.email],
              ["sent", "user", admin.userId, customer.id, customer.email],
            ])
          })
        } finally {
          eventBus.unsubscribe("auth.password_reset", spy, { subscriberId: "customer-suite-test-reset-spy" })
        }
      })

      it("a staff reset whose workflow fails gives its allowance back; a changed customer email still resets the sign-in email", async () => {
        await settle({ protection: "ip_and_email", max_requests_per_hour: 5, min_seconds_between: 600 })
        const broken = jest.spyOn(activity(), "recordSecurityEvents").mockRejectedValueOnce(new Error("the log is down"))
        try {
          expect((await failure(staffReset())).status).toBe(500)
        } finally {
          broken.mockRestore()
        }
        // Nothing was sent, so the 10-minute gap did not start: the next one goes out.
        // The customer's email changed meanwhile: the reset goes to the email the account signs in with.
        await getContainer().resolve(Modules.CUSTOMER).updateCustomers(customer.id, { email: "rita.new@example.com" })
        const { status, data } = await staffReset()
        expect([status, data.password_reset.email]).toEqual([202, customer.email])
        expect((await failure(staffReset())).status).toBe(429)
      })

      it("a staff reset whose workflow fails after the log entry leaves no entry behind", async () => {
        const workflow = sendCustomerPasswordResetWorkflow(getContainer())
        workflow.appendAction("throw", recordSecurityEventsStepId, {
          invoke: async () => {
            throw new Error("boom")
          },
        })
        const { errors } = await workflow.run({ input: { customer_id: customer.id, user_id: admin.userId, ip: null, user_agent: null }, throwOnError: false })
        expect(errors.map((e: any) => e.error?.message)).toEqual(["boom"])
        expect(await activity().listCustomerSecurityEvents({ customer_id: customer.id })).toEqual([])
      })

      it("staff reset: 404 for an unknown customer, 400 for a customer without an account, and no body accepted", async () => {
        const unknown = await failure(staffReset("cus_missing"))
        expect([unknown.status, unknown.data.type]).toEqual([404, "not_found"])
        const [guest] = await getContainer().resolve(Modules.CUSTOMER).createCustomers([{ email: "guest@example.com", has_account: false }])
        const noAccount = await failure(staffReset(guest.id))
        expect([noAccount.status, noAccount.data.type, noAccount.data.message]).toEqual([400, "invalid_data", expect.stringMatching(/no account/)])
        const extra = await failure(api.post(`/admin/customers/${customer.id}/password-reset`, { password: "chosen-by-staff" }, admin))
        expect(extra.status).toBe(400)
      })

      it("lists the customer's security log newest first (id breaks ties), by kind, in pages; entries for their email without a customer count", async () => {
        const at = (iso: string) => new Date(iso)
        const base = { ip: "198.51.100.1", user_agent: "ua", actor_type: "anonymous" } as const
        const events: SecurityEventInput[] = [
          { ...base, kind: "sign_in", outcome: "failure", customer_id: null, email: customer.email, occurred_at: at("2026-01-01T10:00:00Z") },
          { ...base, kind: "sign_in", outcome: "success", customer_id: customer.id, email: customer.email, occurred_at: at("2026-01-02T10:00:00Z") },
          { ...base, kind: "unlock", outcome: "unlocked", customer_id: customer.id, email: null, actor_type: "user", actor_id: admin.userId, occurred_at: at("2026-01-03T10:00:00Z") },
          { ...base, kind: "sign_in", outcome: "locked", customer_id: customer.id, email: customer.email, occurred_at: at("2026-01-03T10:00:00Z") },
          // Not theirs: another customer's, and another email's.
          { ...base, kind: "sign_in", outcome: "failure", customer_id: "cus_other", email: customer.email, occurred_at: at("2026-01-04T10:00:00Z") },
          { ...base, kind: "sign_in", outcome: "failure", customer_id: null, email: "other@example.com", occurred_at: at("2026-01-04T10:00:00Z") },
        ]
        const ids = await activity().recordSecurityEvents(events)
        const tied = [ids[2], ids[3]].sort().reverse()

        const all = await log()
        expect(all).toMatchObject({ count: 4, offset: 0, limit: 20 })
        expect(all.security_events.map((e: any) => e.id)).toEqual([...tied, ids[1], ids[0]])
        expect(all.security_events.find((e: any) => e.id === ids[2])).toEqual({
          id: ids[2],
          kind: "unlock",
          outcome: "unlocked",
          customer_id: customer.id,
          email: null,
          ip: "198.51.100.1",
          user_agent: "ua",
          actor_type: "user",
          actor_id: admin.userId,
          details: null,
          occurred_at: "2026-01-03T10:00:00.000Z",
        })

        const signIns = await log(customer.id, "?kind=sign_in")
        expect([signIns.count, signIns.security_events.map((e: any) => e.outcome)]).toEqual([3, ["locked", "success", "failure"]])
        const page = await log(customer.id, "?limit=2&offset=1")
        expect([page.count, page.offset, page.limit, page.security_events.map((e: any) => e.id)]).toEqual([4, 1, 2, [tied[1], ids[1]]])

        for (const [query, field] of [
          ["?limit=0", "limit"],
          ["?limit=101", "limit"],
          ["?offset=-1", "offset"],
          ["?kind=password", "kind"],
          ["?order=kind", "order"],
        ]) {
          const bad = await failure(api.get(`/admin/customers/${customer.id}/security-events${query}`, admin))
          expect([query, bad.status, bad.data.message]).toEqual([query, 400, expect.stringContaining(field)])
        }
        expect((await failure(api.get("/admin/customers/cus_missing/security-events", admin))).status).toBe(404)
      })

      it("the retention job drops only rows older than security_log_retention_days, in bounded batches", async () => {
        await settle({ protection: "ip_and_email", max_requests_per_hour: 5, min_seconds_between: 600 }, { security_log_retention_days: 30 })
        const now = Date.now()
        const row = (daysAgo: number): SecurityEventInput => ({
          kind: "sign_in",
          outcome: "failure",
          customer_id: customer.id,
          email: customer.email,
          actor_type: "anonymous",
          occurred_at: new Date(now - daysAgo * DAY_MS),
        })
        const [old1, old2, kept1, kept2] = await activity().recordSecurityEvents([row(31), row(400), row(29), row(0)])
        await pruneSecurityEventsJob(getContainer())
        const left = (await activity().listCustomerSecurityEvents({}, { select: ["id"] })).map((e) => e.id).sort()
        expect(left).toEqual([kept1, kept2].sort())
        expect(left).not.toContain(old1)
        expect(left).not.toContain(old2)

        // A run stops after max_batches statements: 5 old rows, 2 per statement, at most 2 statements: one row waits.
        await activity().recordSecurityEvents([row(40), row(41), row(42), row(43), row(44)])
        const capped = await pruneSecurityEventsWorkflow(getContainer()).run({ input: { before: new Date(now - 30 * DAY_MS), batch_size: 2, max_batches: 2 } })
        expect(capped.result).toEqual({ deleted: 4, batches: 2 })
        expect(await activity().listCustomerSecurityEvents({}, { select: ["id"] })).toHaveLength(3)

        // Batches: 5 old rows, 2 per statement: three statements, all gone, the new row kept.
        await activity().recordSecurityEvents([row(45), row(46), row(47), row(48)])
        const { result } = await pruneSecurityEventsWorkflow(getContainer()).run({ input: { before: new Date(now - 30 * DAY_MS), batch_size: 2 } })
        expect(result).toEqual({ deleted: 5, batches: 3 })
        expect((await activity().listCustomerSecurityEvents({}, { select: ["id"] })).map((e) => e.id).sort()).toEqual([kept1, kept2].sort())
      })
    })
  },
})
