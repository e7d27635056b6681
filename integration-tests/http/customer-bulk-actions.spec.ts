import { asValue } from "@medusajs/framework/awilix"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { forgetActivitySettings } from "../../src/api/utils/activity-settings"
import resumeCustomerBulkActionsJob from "../../src/jobs/resume-customer-bulk-actions"
import { RATE_LIMIT_TABLE } from "../../src/modules/customer_activity/limits"
import { CUSTOMER_ACTIVITY_MODULE } from "../../src/modules/customer_activity"
import type CustomerActivityModuleService from "../../src/modules/customer_activity/service"
import { CUSTOMER_SUITE_MODULE } from "../../src/modules/customer_suite"
import type CustomerSuiteModuleService from "../../src/modules/customer_suite/service"
import { runCustomerBulkAction } from "../../src/workflows/customer-bulk-actions"
import { claimBulkAction, finishBulkAction, recordBulkBatch } from "../../src/workflows/customer-bulk-actions/utils/store"
import { countGrid } from "../../src/workflows/customer-grid/utils/grid-query"
import { createAdminUser, type AuthHeaders } from "../helpers/admin"
import { createPublishableKey, registerCustomer } from "../helpers/store"
import { eventually } from "../helpers/wait"

jest.setTimeout(240_000)

/**
 * Bulk actions of the customers grid over HTTP: each action on selected ids
 * (and on a filter), run in the background in batches and polled until it
 * ends; per-customer failures with their reason while the others stay done;
 * the delete confirmation count; cancel; bad input; and a run resumed after
 * its cursor by the job once its instance's lease ran out.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    describe("customer bulk actions", () => {
      let admin: AuthHeaders & { userId: string }
      let publishableKey: string

      const customers = () => getContainer().resolve(Modules.CUSTOMER)
      const suite = () => getContainer().resolve<CustomerSuiteModuleService>(CUSTOMER_SUITE_MODULE)
      const activity = () => getContainer().resolve<CustomerActivityModuleService>(CUSTOMER_ACTIVITY_MODULE)
      const failure = (promise: Promise<unknown>) =>
        promise.then(
          (ok: any) => Promise.reject(new Error(`expected a failure, got ${ok?.status} ${JSON.stringify(ok?.data)?.slice(0, 300)}`)),
          (e: any) => e.response
        )
      const start = async (body: Record<string, unknown>) => {
        const response = await api.post("/admin/customer-suite/bulk-actions", body, admin)
        expect(response.status).toBe(202)
        expect(response.data.failures).toEqual([])
        return response.data.bulk_action
      }
      /** Polls the action until it is no longer queued or running. */
      const settled = (id: string) =>
        eventually(
          async () => {
            const { data } = await api.get(`/admin/customer-suite/bulk-actions/${id}`, admin)
            expect(["completed", "failed", "canceled"]).toContain(data.bulk_action.status)
            return data
          },
          { timeout: 60_000, interval: 200 }
        )
      const groupIdsOf = async (customerId: string) => {
        const { data } = await api.get(`/admin/customers/${customerId}?fields=id,*groups`, admin)
        return data.customer.groups.map((g: { id: string }) => g.id)
      }
      /** Guests created as the admin does (the grid learns of them from the workflow's event). */
      const makeGuests = async (emails: string[]) => {
        const ids: string[] = []
        for (const email of emails) {
          ids.push((await api.post("/admin/customers", { email }, admin)).data.customer.id)
        }
        return ids
      }
      const makeCustomers = async (emails: string[]) => {
        const created = await customers().createCustomers(emails.map((email) => ({ email })))
        return emails.map((email) => created.find((c) => c.email === email)!.id)
      }

      beforeEach(async () => {
        const container = getContainer()
        await container.resolve(ContainerRegistrationKeys.PG_CONNECTION).raw(`delete from ${RATE_LIMIT_TABLE}`)
        forgetActivitySettings()
        admin = await createAdminUser(container)
        publishableKey = await createPublishableKey(container)
      })

      it("adds selected customers to a group and removes them, recording who did what; a customer that does not exist is a failure, the others stay done", async () => {
        const [group] = await customers().createCustomerGroups([{ name: "VIP" }])
        const [a, b, c] = await makeCustomers(["a@example.com", "b@example.com", "c@example.com"])
        // Already a member: counted as done, and never taken out again.
        await customers().addCustomerToGroup({ customer_id: c, customer_group_id: group.id })

        const started = await start({ action: "add_to_group", params: { group_id: group.id }, selection: { kind: "ids", ids: [c, "cus_missing", a, b] } })
        expect(started).toMatchObject({
          id: expect.stringMatching(/^cbulk_/),
          action: "add_to_group",
          params: { group_id: group.id },
          selection: { kind: "ids", ids: [c, "cus_missing", a, b] },
          user_id: admin.userId,
          total: 4,
          created_at: expect.any(String),
        })
        expect(["queued", "running", "completed"]).toContain(started.status)
        const added = await settled(started.id)
        expect(added.bulk_action).toMatchObject({ status: "completed", total: 4, processed: 4, succeeded: 3, failed: 1, error: null, started_at: expect.any(String), finished_at: expect.any(String) })
        expect(added.failures).toEqual([{ customer_id: "cus_missing", message: expect.stringMatching(/^not found/) }])
        for (const id of [a, b, c]) {
          expect(await groupIdsOf(id)).toEqual([group.id])
        }
        expect(JSON.stringify(added.bulk_action)).not.toMatch(/lease|cursor/)

        const removed = await settled((await start({ action: "remove_from_group", params: { group_id: group.id }, selection: { kind: "ids", ids: [a, b] } })).id)
        expect(removed.bulk_action).toMatchObject({ status: "completed", total: 2, processed: 2, succeeded: 2, failed: 0 })
        expect(await groupIdsOf(a)).toEqual([])
        expect(await groupIdsOf(b)).toEqual([])
        expect(await groupIdsOf(c)).toEqual([group.id])

        // The record: most recent first, filtered by status.
        const { data: list } = await api.get("/admin/customer-suite/bulk-actions?limit=1", admin)
        expect(list).toMatchObject({ count: 2, offset: 0, limit: 1 })
        expect(list.bulk_actions.map((x: any) => [x.id, x.action, x.user_id, x.total])).toEqual([[removed.bulk_action.id, "remove_from_group", admin.userId, 2]])
        const { data: all } = await api.get("/admin/customer-suite/bulk-actions", admin)
        expect(all.bulk_actions.map((x: any) => x.id)).toEqual([removed.bulk_action.id, added.bulk_action.id])
        // The list sums an ids selection up by its count; GET /:id has the ids.
        expect(all.bulk_actions.map((x: any) => x.selection)).toEqual([
          { kind: "ids", count: 2 },
          { kind: "ids", count: 4 },
        ])
        expect(all.bulk_actions[1]).toMatchObject({ action: "add_to_group", params: { group_id: group.id }, status: "completed", total: 4, processed: 4, succeeded: 3, failed: 1, user_id: admin.userId })
        expect(JSON.stringify(all)).not.toContain(a)
        expect((await api.get("/admin/customer-suite/bulk-actions?status=queued", admin)).data).toMatchObject({ bulk_actions: [], count: 0 })
        expect((await api.get("/admin/customer-suite/bulk-actions?status=completed", admin)).data.count).toBe(2)
      })

      it("adds customers to a static segment and removes them; a dynamic or unknown segment is refused naming params.segment_id", async () => {
        const [a, b] = await makeCustomers(["a@example.com", "b@example.com"])
        const { data: created } = await api.post("/admin/customer-segments", { name: "Picked", kind: "static" }, admin)
        const segmentId = created.customer_segment.id
        const members = async () =>
          (await api.get(`/admin/customer-segments/${segmentId}/customers`, admin)).data.customers.map((m: { id: string }) => m.id).sort()

        const added = await settled((await start({ action: "add_to_segment", params: { segment_id: segmentId }, selection: { kind: "ids", ids: [a, b, "cus_gone"] } })).id)
        expect(added.bulk_action).toMatchObject({ status: "completed", processed: 3, succeeded: 2, failed: 1 })
        expect(added.failures).toEqual([{ customer_id: "cus_gone", message: expect.stringMatching(/^not found/) }])
        expect(await members()).toEqual([a, b].sort())

        const removed = await settled((await start({ action: "remove_from_segment", params: { segment_id: segmentId }, selection: { kind: "ids", ids: [a] } })).id)
        expect(removed.bulk_action).toMatchObject({ status: "completed", succeeded: 1, failed: 0 })
        expect(await members()).toEqual([b])

        const { data: dynamic } = await api.post("/admin/customer-segments", { name: "Accounts", query: "has_account = true" }, admin)
        const refused = await failure(api.post("/admin/customer-suite/bulk-actions", { action: "add_to_segment", params: { segment_id: dynamic.customer_segment.id }, selection: { kind: "ids", ids: [a] } }, admin))
        expect([refused.status, refused.data.message]).toEqual([400, expect.stringMatching(/^params\.segment_id: .*dynamic segment/)])
        const unknown = await failure(api.post("/admin/customer-suite/bulk-actions", { action: "remove_from_segment", params: { segment_id: "cseg_missing" }, selection: { kind: "ids", ids: [a] } }, admin))
        expect([unknown.status, unknown.data.message]).toEqual([400, 'params.segment_id: no segment "cseg_missing"'])
      })

      it("unlocks accounts, ends their sessions and sends password resets, each logged with the staff user; a guest has no password to reset", async () => {
        const ann = await registerCustomer(api, publishableKey, { email: "ann@example.com" })
        const bob = await registerCustomer(api, publishableKey, { email: "bob@example.com" })
        const [guest] = await makeCustomers(["guest@example.com"])
        const signIn = (email: string, password: string) => api.post("/auth/customer/emailpass", { email, password }).then(
            (r: { status: number }) => r.status,
            (e: any) => e.response.status as number
          )
        const lockState = async (id: string) => (await api.get(`/admin/customers/${id}/sign-in-lock`, admin)).data.sign_in_lock
        const me = (headers: Record<string, string>) => api.get("/store/customers/me?fields=id", { headers }).then(
            (r: { status: number }) => r.status,
            (e: any) => e.response.status as number
          )

        // Unlock: failures counted against both accounts are cleared.
        for (const email of ["ann@example.com", "bob@example.com"]) {
          expect(await signIn(email, "wrong-password")).toBe(401)
          expect(await signIn(email, "wrong-password")).toBe(401)
        }
        expect(await lockState(ann.id)).toMatchObject({ failures: 2 })
        const unlocked = await settled((await start({ action: "unlock", selection: { kind: "ids", ids: [ann.id, bob.id] } })).id)
        expect(unlocked.bulk_action).toMatchObject({ status: "completed", succeeded: 2, failed: 0 })
        expect(await lockState(ann.id)).toMatchObject({ locked: false, failures: 0 })
        expect(await lockState(bob.id)).toMatchObject({ locked: false, failures: 0 })
        const unlocks = await activity().listCustomerSecurityEvents({ kind: "unlock" }, { take: null })
        expect(unlocks.map((e) => [e.customer_id, e.actor_type, e.actor_id]).sort()).toEqual(
          [
            [ann.id, "user", admin.userId],
            [bob.id, "user", admin.userId],
          ].sort()
        )

        // End all sessions: tokens issued before are refused; a new sign-in works.
        expect(await me(ann.headers)).toBe(200)
        const ended = await settled((await start({ action: "end_sessions", selection: { kind: "ids", ids: [ann.id, bob.id] } })).id)
        expect(ended.bulk_action).toMatchObject({ status: "completed", succeeded: 2, failed: 0 })
        await eventually(async () => {
          expect(await me(ann.headers)).toBe(401)
          expect(await me(bob.headers)).toBe(401)
        })
        expect(await signIn("ann@example.com", "secret-password-1")).toBe(200)
        const revocations = await activity().listCustomerSecurityEvents({ kind: "sessions_revoked" }, { take: null })
        expect(revocations.map((e) => [e.customer_id, e.actor_id, e.details]).sort()).toEqual(
          [
            [ann.id, admin.userId, { reason: "staff" }],
            [bob.id, admin.userId, { reason: "staff" }],
          ].sort()
        )

        // Password resets through Medusa's workflow (auth.password_reset per account); the guest fails with why.
        const eventBus = getContainer().resolve(Modules.EVENT_BUS)
        const received: { entity_id: string }[] = []
        const spy = async ({ data }: { data: unknown }) => {
          received.push(data as { entity_id: string })
        }
        eventBus.subscribe("auth.password_reset", spy, { subscriberId: "customer-suite-test-bulk-reset-spy" })
        try {
          const reset = await settled((await start({ action: "send_password_reset", selection: { kind: "ids", ids: [ann.id, bob.id, guest] } })).id)
          expect(reset.bulk_action).toMatchObject({ status: "completed", processed: 3, succeeded: 2, failed: 1 })
          expect(reset.failures).toEqual([{ customer_id: guest, message: expect.stringMatching(/no account with an email and password/) }])
          await eventually(async () => expect(received.map((r) => r.entity_id).sort()).toEqual(["ann@example.com", "bob@example.com"]))
          // The same limits as the customer page: a second one within 10 minutes is refused, per customer.
          const again = await settled((await start({ action: "send_password_reset", selection: { kind: "ids", ids: [ann.id] } })).id)
          expect(again.bulk_action).toMatchObject({ succeeded: 0, failed: 1 })
          expect(again.failures).toEqual([{ customer_id: ann.id, message: "Too many password reset requests; try again in 10 minutes" }])
          const sent = await activity().listCustomerSecurityEvents({ kind: "staff_password_reset" }, { take: null })
          expect(sent.map((e) => [e.customer_id, e.outcome, e.actor_id]).sort()).toEqual(
            [
              [ann.id, "sent", admin.userId],
              [ann.id, "throttled", admin.userId],
              [bob.id, "sent", admin.userId],
            ].sort()
          )
        } finally {
          eventBus.unsubscribe("auth.password_reset", spy, { subscriberId: "customer-suite-test-bulk-reset-spy" })
        }
      })

      it("deletes only with the count the confirmation named (409 naming both counts); a customer already deleted is a failure", async () => {
        const [a, b, c] = await makeCustomers(["a@example.com", "b@example.com", "c@example.com"])
        await customers().softDeleteCustomers([c])
        const body = { action: "delete", selection: { kind: "ids", ids: [a, b, c] } }

        const missing = await failure(api.post("/admin/customer-suite/bulk-actions", body, admin))
        expect([missing.status, missing.data.message]).toEqual([400, expect.stringMatching(/expected_count: required for delete/)])
        const wrong = await failure(api.post("/admin/customer-suite/bulk-actions", { ...body, expected_count: 3 }, admin))
        expect([wrong.status, wrong.data]).toEqual([409, { type: "conflict", message: "expected_count: the confirmation named 3 customer(s), but the selection now counts 2; confirm again" }])
        expect((await api.get("/admin/customer-suite/bulk-actions", admin)).data.count).toBe(0)

        const deleted = await settled((await start({ ...body, expected_count: 2 })).id)
        expect(deleted.bulk_action).toMatchObject({ status: "completed", total: 3, processed: 3, succeeded: 2, failed: 1 })
        expect(deleted.failures).toEqual([{ customer_id: c, message: expect.stringMatching(/^not found/) }])
        for (const id of [a, b]) {
          expect((await failure(api.get(`/admin/customers/${id}`, admin))).status).toBe(404)
        }
      })

      it("runs on every customer a filter matches, counted exactly when it starts", async () => {
        const [group] = await customers().createCustomerGroups([{ name: "Filtered" }])
        const ann = await registerCustomer(api, publishableKey, { email: "ann@example.com" })
        const bob = await registerCustomer(api, publishableKey, { email: "bob@example.com" })
        const [guest] = await makeCustomers(["guest@example.com"])
        // The grid reads what the suite knows of customers (kept up by subscribers): wait until it sees both accounts.
        await eventually(async () => expect((await countGrid(getContainer(), { has_account: true }, { exact: true })).count).toBe(2))

        const started = await start({ action: "add_to_group", params: { group_id: group.id }, selection: { kind: "filters", filters: { has_account: true } } })
        expect(started).toMatchObject({ total: 2, selection: { kind: "filters", filters: { has_account: true } } })
        const { data: listed } = await api.get("/admin/customer-suite/bulk-actions", admin)
        expect(listed.bulk_actions[0]).toMatchObject({ id: started.id, selection: { kind: "filters", filters: { has_account: true } } })
        const done = await settled(started.id)
        expect(done.bulk_action).toMatchObject({ status: "completed", processed: 2, succeeded: 2, failed: 0 })
        expect(await groupIdsOf(ann.id)).toEqual([group.id])
        expect(await groupIdsOf(bob.id)).toEqual([group.id])
        expect(await groupIdsOf(guest)).toEqual([])

        // Delete by filter: the confirmation count is the filter's exact count now.
        const wrong = await failure(api.post("/admin/customer-suite/bulk-actions", { action: "delete", selection: { kind: "filters", filters: { has_account: true } }, expected_count: 3 }, admin))
        expect([wrong.status, wrong.data]).toEqual([409, { type: "conflict", message: "expected_count: the confirmation named 3 customer(s), but the selection now counts 2; confirm again" }])

        // By group: once the grid knows the new members, everyone in the group leaves it.
        await eventually(async () => expect((await countGrid(getContainer(), { group_id: [group.id] }, { exact: true })).count).toBe(2))
        const left = await settled((await start({ action: "remove_from_group", params: { group_id: group.id }, selection: { kind: "filters", filters: { group_id: [group.id] } } })).id)
        expect(left.bulk_action).toMatchObject({ status: "completed", total: 2, processed: 2, succeeded: 2, failed: 0 })
        expect(await groupIdsOf(ann.id)).toEqual([])
        expect(await groupIdsOf(bob.id)).toEqual([])

        // Delete by filter with the right count: the accounts go, the guest stays.
        const deleted = await settled((await start({ action: "delete", selection: { kind: "filters", filters: { has_account: true } }, expected_count: 2 })).id)
        expect(deleted.bulk_action).toMatchObject({ status: "completed", total: 2, processed: 2, succeeded: 2, failed: 0 })
        expect((await failure(api.get(`/admin/customers/${ann.id}`, admin))).status).toBe(404)
        expect((await failure(api.get(`/admin/customers/${bob.id}`, admin))).status).toBe(404)
        expect((await api.get(`/admin/customers/${guest}`, admin)).status).toBe(200)
      })

      it("cancels a queued action (it never runs) and stops a running one after its batch, keeping what was done", async () => {
        const [group] = await customers().createCustomerGroups([{ name: "Never" }])
        const [a, b, c] = await makeCustomers(["a@example.com", "b@example.com", "c@example.com"])
        // Queued, as if its request event were still on its way.
        const [queued] = await suite().createCustomerBulkActions([
          { action: "add_to_group", params: { group_id: group.id }, selection: { kind: "ids", ids: [a, b, c] }, user_id: admin.userId, total: 3 },
        ])
        const { data: canceled } = await api.post(`/admin/customer-suite/bulk-actions/${queued.id}/cancel`, {}, admin)
        expect(canceled.bulk_action).toMatchObject({ status: "canceled", processed: 0, finished_at: expect.any(String) })
        expect(await resumeCustomerBulkActionsJob(getContainer())).toEqual([])
        expect(await claimBulkAction(getContainer(), queued.id)).toBeNull()
        expect(await groupIdsOf(a)).toEqual([])
        // Again: answered as it is. Unknown: 404.
        expect((await api.post(`/admin/customer-suite/bulk-actions/${queued.id}/cancel`, {}, admin)).data.bulk_action.status).toBe("canceled")
        expect((await failure(api.post("/admin/customer-suite/bulk-actions/cbulk_missing/cancel", {}, admin))).status).toBe(404)

        // Running on some instance: canceled between batches; the batch in flight is still recorded, then the run stops.
        const [running] = await suite().createCustomerBulkActions([
          { action: "add_to_group", params: { group_id: group.id }, selection: { kind: "ids", ids: [a, b, c] }, user_id: admin.userId, total: 3 },
        ])
        const claim = (await claimBulkAction(getContainer(), running.id))!
        expect(claim).toMatchObject({ id: running.id, cursor: null })
        // Two instances never hold one action.
        expect(await claimBulkAction(getContainer(), running.id)).toBeNull()
        expect((await api.post(`/admin/customer-suite/bulk-actions/${running.id}/cancel`, {}, admin)).data.bulk_action.status).toBe("canceled")
        const recorded = await recordBulkBatch(getContainer(), { bulk_action_id: running.id, lease_until: claim.lease_until, cursor: a, processed: 1, succeeded: 1, failures: [] })
        expect(recorded?.status).toBe("canceled")
        expect(await finishBulkAction(getContainer(), running.id, recorded!.lease_until, { status: "completed" })).toBe(true)
        const { data } = await api.get(`/admin/customer-suite/bulk-actions/${running.id}`, admin)
        expect(data.bulk_action).toMatchObject({ status: "canceled", processed: 1, succeeded: 1 })
        const [row] = await suite().listCustomerBulkActions({ id: running.id }, { select: ["cursor", "lease_until"] })
        expect(row).toMatchObject({ cursor: a, lease_until: null })

        // A finished action cannot be canceled.
        const finished = await settled((await start({ action: "add_to_group", params: { group_id: group.id }, selection: { kind: "ids", ids: [c] } })).id)
        const refused = await failure(api.post(`/admin/customer-suite/bulk-actions/${finished.bulk_action.id}/cancel`, {}, admin))
        expect([refused.status, refused.data.message]).toEqual([409, expect.stringMatching(/^status: the bulk action is already completed/)])
      })

      it("resumes an action whose instance stopped (lease ran out) after its cursor, through the job; a live lease is left alone", async () => {
        const [group] = await customers().createCustomerGroups([{ name: "Resumed" }])
        const ids = (await makeCustomers(["a@example.com", "b@example.com", "c@example.com", "d@example.com"])).sort()
        const past = new Date(Date.now() - 60_000)
        const [stale, live] = await suite().createCustomerBulkActions([
          { action: "add_to_group", params: { group_id: group.id }, selection: { kind: "ids", ids: [ids[3], ids[0], ids[2], ids[1]] }, user_id: admin.userId, total: 4, status: "running", processed: 2, succeeded: 2, cursor: ids[1], lease_until: past, started_at: past },
          { action: "delete", params: {}, selection: { kind: "ids", ids }, user_id: admin.userId, total: 4, status: "running", lease_until: new Date(Date.now() + 600_000), started_at: past },
        ])

        const requested = await resumeCustomerBulkActionsJob(getContainer())
        expect(requested).toContain(stale.id)
        expect(requested).not.toContain(live.id)
        const resumed = await settled(stale.id)
        expect(resumed.bulk_action).toMatchObject({ status: "completed", total: 4, processed: 4, succeeded: 4, failed: 0 })
        // Only the customers after the cursor were worked on.
        expect(await groupIdsOf(ids[0])).toEqual([])
        expect(await groupIdsOf(ids[1])).toEqual([])
        expect(await groupIdsOf(ids[2])).toEqual([group.id])
        expect(await groupIdsOf(ids[3])).toEqual([group.id])
        // The live one (another instance's) was not touched: nobody was deleted.
        expect((await api.get(`/admin/customer-suite/bulk-actions/${live.id}`, admin)).data.bulk_action).toMatchObject({ status: "running", processed: 0 })
        expect((await api.get(`/admin/customers/${ids[0]}`, admin)).status).toBe(200)
      })

      it("finds the customer that fails inside a group by running its group one by one; the rest of the group and the other batches succeed", async () => {
        const [group] = await customers().createCustomerGroups([{ name: "Partly" }])
        const ids = (await makeCustomers(["a@example.com", "b@example.com", "c@example.com", "d@example.com", "e@example.com"])).sort()
        const module = customers()
        const original = module.addCustomerToGroup.bind(module)
        const refuse = jest.spyOn(module, "addCustomerToGroup").mockImplementation((async (data: any, ...rest: any[]) => {
          const pairs = Array.isArray(data) ? data : [data]
          if (pairs.some((p: { customer_id: string }) => p.customer_id === ids[2])) {
            throw new Error(`this customer may not join ${group.name}`)
          }
          return original(data, ...rest)
        }) as any)
        try {
          // Through the runner directly, two customers a batch: three batches, the cursor moving on after each.
          const [queued] = await suite().createCustomerBulkActions([
            { action: "add_to_group", params: { group_id: group.id }, selection: { kind: "ids", ids: [...ids].reverse() }, user_id: admin.userId, total: 5 },
          ])
          expect(await runCustomerBulkAction(getContainer(), queued.id, { batchSize: 2 })).toBe("completed")
          const { data } = await api.get(`/admin/customer-suite/bulk-actions/${queued.id}`, admin)
          expect(data.bulk_action).toMatchObject({ status: "completed", total: 5, processed: 5, succeeded: 4, failed: 1 })
          expect(data.failures).toEqual([{ customer_id: ids[2], message: "this customer may not join Partly" }])
          const [row] = await suite().listCustomerBulkActions({ id: queued.id }, { select: ["cursor", "lease_until"] })
          expect(row).toMatchObject({ cursor: ids[4], lease_until: null })
          for (const id of ids) {
            expect(await groupIdsOf(id)).toEqual(id === ids[2] ? [] : [group.id])
          }
        } finally {
          refuse.mockRestore()
        }
      })

      it("stops the whole action, with why, when its group is gone; what was done stays done", async () => {
        const [a] = await makeCustomers(["a@example.com"])
        const [queued] = await suite().createCustomerBulkActions([
          { action: "add_to_group", params: { group_id: "cusgroup_gone" }, selection: { kind: "ids", ids: [a] }, user_id: admin.userId, total: 1 },
        ])
        expect(await runCustomerBulkAction(getContainer(), queued.id)).toBe("failed")
        const { data } = await api.get(`/admin/customer-suite/bulk-actions/${queued.id}`, admin)
        expect(data.bulk_action).toMatchObject({ status: "failed", processed: 0, error: 'params.group_id: the customer group "cusgroup_gone" does not exist (any more)', finished_at: expect.any(String) })
        // Finished: neither the job nor another request runs it again.
        expect(await runCustomerBulkAction(getContainer(), queued.id)).toBe("not_claimed")
      })

      it("acts by filters only on the customers there when the action was created: a customer created later is left alone, and a delete never goes past the confirmed count", async () => {
        const [group] = await customers().createCustomerGroups([{ name: "Before" }])
        const [g1, g2] = await makeGuests(["g1@example.com", "g2@example.com"])
        await eventually(async () => expect((await countGrid(getContainer(), { has_account: false }, { exact: true })).count).toBe(2))

        // "Delete all guests", queued; a guest signs up before it runs (ids grow with time: it sorts after the cursor).
        const [deleteGuests, addEveryone] = await suite().createCustomerBulkActions([
          { action: "delete", params: {}, selection: { kind: "filters", filters: { has_account: false } }, user_id: admin.userId, total: 2 },
          { action: "add_to_group", params: { group_id: group.id }, selection: { kind: "filters", filters: {} }, user_id: admin.userId, total: 2 },
        ])
        const [late] = await makeGuests(["late@example.com"])
        await eventually(async () => expect((await countGrid(getContainer(), { has_account: false }, { exact: true })).count).toBe(3))

        expect(await runCustomerBulkAction(getContainer(), deleteGuests.id, { batchSize: 1 })).toBe("completed")
        const deleted = (await api.get(`/admin/customer-suite/bulk-actions/${deleteGuests.id}`, admin)).data
        expect(deleted.bulk_action).toMatchObject({ status: "completed", total: 2, processed: 2, succeeded: 2, failed: 0 })
        for (const id of [g1, g2]) {
          expect((await failure(api.get(`/admin/customers/${id}`, admin))).status).toBe(404)
        }
        expect((await api.get(`/admin/customers/${late}`, admin)).status).toBe(200)

        // An action over every customer ({}) ends, and leaves out those created since (once the grid no longer lists g1 and g2).
        await eventually(async () => expect((await countGrid(getContainer(), {}, { exact: true })).count).toBe(1))
        expect(await runCustomerBulkAction(getContainer(), addEveryone.id, { batchSize: 1 })).toBe("completed")
        expect((await api.get(`/admin/customer-suite/bulk-actions/${addEveryone.id}`, admin)).data.bulk_action).toMatchObject({ status: "completed", processed: 0 })
        expect(await groupIdsOf(late)).toEqual([])

        // More customers match than the confirmation named (they came to match since): the delete stops before going past it.
        const [other] = await makeGuests(["other@example.com"])
        await eventually(async () => expect((await countGrid(getContainer(), { has_account: false }, { exact: true })).count).toBe(2))
        const [tooMany] = await suite().createCustomerBulkActions([
          { action: "delete", params: {}, selection: { kind: "filters", filters: { has_account: false } }, user_id: admin.userId, total: 1 },
        ])
        expect(await runCustomerBulkAction(getContainer(), tooMany.id, { batchSize: 1 })).toBe("failed")
        const stopped = (await api.get(`/admin/customer-suite/bulk-actions/${tooMany.id}`, admin)).data.bulk_action
        expect(stopped).toMatchObject({ status: "failed", total: 1, processed: 1, succeeded: 1, error: expect.stringMatching(/^delete: stopped before deleting more customers than the 1 confirmed \(1 done, 1 more still match/) })
        // The first batch (the older customer) was deleted; the other one, past the count, was not.
        expect((await failure(api.get(`/admin/customers/${late}`, admin))).status).toBe(404)
        expect((await api.get(`/admin/customers/${other}`, admin)).status).toBe(200)
      })

      it("counts a customer a replayed delete batch finds deleted since the action started as succeeded; one deleted before stays not found", async () => {
        const [a, b, c] = (await makeCustomers(["a@example.com", "b@example.com", "c@example.com"])).sort()
        await customers().softDeleteCustomers([c])
        const past = new Date(Date.now() - 60_000)
        await new Promise((resolve) => setTimeout(resolve, 5))
        const startedAt = new Date()
        // The instance deleted a, then died before recording its batch: the lease ran out, the cursor is still at the start.
        const [crashed] = await suite().createCustomerBulkActions([
          { action: "delete", params: {}, selection: { kind: "ids", ids: [a, b, c] }, user_id: admin.userId, total: 3, status: "running", lease_until: past, started_at: startedAt },
        ])
        await customers().softDeleteCustomers([a])
        expect(await runCustomerBulkAction(getContainer(), crashed.id)).toBe("completed")
        const { data } = await api.get(`/admin/customer-suite/bulk-actions/${crashed.id}`, admin)
        expect(data.bulk_action).toMatchObject({ status: "completed", processed: 3, succeeded: 2, failed: 1 })
        expect(data.failures).toEqual([{ customer_id: c, message: expect.stringMatching(/^not found/) }])
        expect((await failure(api.get(`/admin/customers/${b}`, admin))).status).toBe(404)
      })

      it("renews the lease while a slow batch runs (never taken over mid-batch), and still records a batch canceled mid-way", async () => {
        const [group] = await customers().createCustomerGroups([{ name: "Slow" }])
        const ids = (await makeCustomers(["a@example.com", "b@example.com"])).sort()
        const module = customers()
        const original = module.addCustomerToGroup.bind(module)
        let release: () => void = () => undefined
        let gate = new Promise<void>((resolve) => (release = resolve))
        const slow = jest.spyOn(module, "addCustomerToGroup").mockImplementation((async (...args: any[]) => {
          await gate
          return (original as any)(...args)
        }) as any)
        const leaseOf = async (id: string) => (await suite().listCustomerBulkActions({ id }, { select: ["lease_until", "status"] }))[0]
        try {
          const [slowOne] = await suite().createCustomerBulkActions([
            { action: "add_to_group", params: { group_id: group.id }, selection: { kind: "ids", ids }, user_id: admin.userId, total: 2 },
          ])
          const running = runCustomerBulkAction(getContainer(), slowOne.id, { leaseRenewMs: 100 })
          const first = await eventually(async () => {
            const row = await leaseOf(slowOne.id)
            expect(row.status).toBe("running")
            return new Date(row.lease_until as Date).getTime()
          })
          // Renewed while the batch waits (twice, so a renewal is not the claim's own write).
          await eventually(async () => expect(new Date((await leaseOf(slowOne.id)).lease_until as Date).getTime()).toBeGreaterThan(first))
          const second = new Date((await leaseOf(slowOne.id)).lease_until as Date).getTime()
          await eventually(async () => expect(new Date((await leaseOf(slowOne.id)).lease_until as Date).getTime()).toBeGreaterThan(second))
          // Nobody else can take it over meanwhile.
          expect(await claimBulkAction(getContainer(), slowOne.id)).toBeNull()
          release()
          expect(await running).toBe("completed")
          expect((await api.get(`/admin/customer-suite/bulk-actions/${slowOne.id}`, admin)).data.bulk_action).toMatchObject({ status: "completed", processed: 2, succeeded: 2 })
          expect(await groupIdsOf(ids[0])).toEqual([group.id])

          // Canceled during a slow batch: renewals stop, the batch is still recorded under the lease, then the run stops.
          const [other] = await customers().createCustomerGroups([{ name: "Slow too" }])
          gate = new Promise<void>((resolve) => (release = resolve))
          const [canceledOne] = await suite().createCustomerBulkActions([
            { action: "add_to_group", params: { group_id: other.id }, selection: { kind: "ids", ids }, user_id: admin.userId, total: 2 },
          ])
          const canceling = runCustomerBulkAction(getContainer(), canceledOne.id, { batchSize: 1, leaseRenewMs: 50 })
          await eventually(async () => expect((await leaseOf(canceledOne.id)).status).toBe("running"))
          expect((await api.post(`/admin/customer-suite/bulk-actions/${canceledOne.id}/cancel`, {}, admin)).data.bulk_action.status).toBe("canceled")
          // A few renewal ticks see it canceled (and stop renewing) while the batch still waits.
          await new Promise((resolve) => setTimeout(resolve, 300))
          release()
          expect(await canceling).toBe("canceled")
          expect((await api.get(`/admin/customer-suite/bulk-actions/${canceledOne.id}`, admin)).data.bulk_action).toMatchObject({ status: "canceled", processed: 1, succeeded: 1 })
          expect((await groupIdsOf(ids[0])).sort()).toEqual([group.id, other.id].sort())
          expect(await groupIdsOf(ids[1])).toEqual([group.id])
        } finally {
          release()
          slow.mockRestore()
        }
      })

      it("tries the record of a batch again on a transient error; when it keeps failing, the action is left running for the resume job, which replays the batch", async () => {
        const [group] = await customers().createCustomerGroups([{ name: "Flaky" }])
        const ids = (await makeCustomers(["a@example.com", "b@example.com"])).sort()
        const container = getContainer()
        const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
        let failuresLeft = 0
        // Only the batch's record (the statement that moves the cursor) fails; every other statement goes through.
        const failing = (trx: any) =>
          new Proxy((...args: any[]) => trx(...args), {
            get(_target, property) {
              if (property === "raw") {
                return (sql: string, bindings: unknown) => {
                  if (failuresLeft > 0 && String(sql).includes("SET cursor")) {
                    failuresLeft--
                    return Promise.reject(new Error("Connection terminated unexpectedly"))
                  }
                  return trx.raw(sql, bindings)
                }
              }
              const value = trx[property]
              return typeof value === "function" ? value.bind(trx) : value
            },
          })
        // A stand-in for the connection (knex's own properties are read-only): calls go to it, transactions through `failing`.
        const flaky = new Proxy((...args: any[]) => knex(...args), {
          get(_target, property) {
            if (property === "transaction") {
              return (run: any, ...rest: any[]) => (typeof run === "function" ? knex.transaction((trx: any) => run(failing(trx)), ...rest) : knex.transaction(run, ...rest))
            }
            const value = knex[property]
            return typeof value === "function" ? value.bind(knex) : value
          },
        })
        container.register(ContainerRegistrationKeys.PG_CONNECTION, asValue(flaky))
        try {
          // Two failures, then it works: recorded, completed.
          const [twice] = await suite().createCustomerBulkActions([
            { action: "add_to_group", params: { group_id: group.id }, selection: { kind: "ids", ids: [ids[0]] }, user_id: admin.userId, total: 1 },
          ])
          failuresLeft = 2
          expect(await runCustomerBulkAction(getContainer(), twice.id, { retryDelaysMs: [10, 10] })).toBe("completed")
          expect(failuresLeft).toBe(0)
          expect((await api.get(`/admin/customer-suite/bulk-actions/${twice.id}`, admin)).data.bulk_action).toMatchObject({ status: "completed", processed: 1, succeeded: 1 })

          // Three failures: applied, not recorded; left running under its lease, not failed.
          const [kept] = await suite().createCustomerBulkActions([
            { action: "add_to_group", params: { group_id: group.id }, selection: { kind: "ids", ids }, user_id: admin.userId, total: 2 },
          ])
          failuresLeft = 3
          expect(await runCustomerBulkAction(getContainer(), kept.id, { retryDelaysMs: [10, 10] })).toBe("interrupted")
          const [row] = await suite().listCustomerBulkActions({ id: kept.id }, { select: ["status", "cursor", "processed", "lease_until", "error"] })
          expect(row).toMatchObject({ status: "running", cursor: null, processed: 0, error: null })
          expect(new Date(row.lease_until as Date).getTime()).toBeGreaterThan(Date.now())
          expect(await groupIdsOf(ids[1])).toEqual([group.id])
          // Once the lease ran out, the resume job takes it up and replays the batch (already members: done).
          await getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION).raw(`update customer_bulk_action set lease_until = now() - interval '1 minute' where id = ?`, [kept.id])
          expect(await resumeCustomerBulkActionsJob(getContainer())).toContain(kept.id)
          const resumed = await settled(kept.id)
          expect(resumed.bulk_action).toMatchObject({ status: "completed", processed: 2, succeeded: 2, failed: 0 })
        } finally {
          container.register(ContainerRegistrationKeys.PG_CONNECTION, asValue(knex))
        }
      })

      it("refuses an identical action while one is queued or running (409 naming it); once it ended, it may run again", async () => {
        const [group] = await customers().createCustomerGroups([{ name: "Once" }])
        const [a, b] = await makeCustomers(["a@example.com", "b@example.com"])
        const [queued] = await suite().createCustomerBulkActions([
          { action: "add_to_group", params: { group_id: group.id }, selection: { kind: "ids", ids: [a, b] }, user_id: admin.userId, total: 2 },
        ])
        // The same ids in another order are the same selection.
        const refused = await failure(api.post("/admin/customer-suite/bulk-actions", { action: "add_to_group", params: { group_id: group.id }, selection: { kind: "ids", ids: [b, a] } }, admin))
        expect([refused.status, refused.data.type]).toEqual([409, "conflict"])
        expect(refused.data.message).toMatch(new RegExp(`^bulk_action: an identical action \\(add_to_group, same params and selection\\) is already running: ${queued.id} \\(queued, 0 of 2 done\\)`))
        // Another selection, or another action, is not a duplicate.
        await settled((await start({ action: "add_to_group", params: { group_id: group.id }, selection: { kind: "ids", ids: [a] } })).id)
        await settled((await start({ action: "unlock", selection: { kind: "ids", ids: [a, b] } })).id)
        // By filters: the same filters are a duplicate.
        const [byFilter] = await suite().createCustomerBulkActions([
          { action: "end_sessions", params: {}, selection: { kind: "filters", filters: { has_account: false } }, user_id: admin.userId, total: 2, status: "running", lease_until: new Date(Date.now() + 600_000) },
        ])
        const again = await failure(api.post("/admin/customer-suite/bulk-actions", { action: "end_sessions", selection: { kind: "filters", filters: { has_account: "false" } } }, admin))
        expect([again.status, again.data.message]).toEqual([409, expect.stringContaining(`is already running: ${byFilter.id} (running`)])
        // Once the first one ended (here: canceled), the same action is taken.
        await api.post(`/admin/customer-suite/bulk-actions/${queued.id}/cancel`, {}, admin)
        const rerun = await settled((await start({ action: "add_to_group", params: { group_id: group.id }, selection: { kind: "ids", ids: [b, a] } })).id)
        expect(rerun.bulk_action).toMatchObject({ status: "completed", succeeded: 2 })
      })

      it("refuses bad input with 400 naming the field, and unknown actions with 404", async () => {
        const [group] = await customers().createCustomerGroups([{ name: "G" }])
        const [a] = await makeCustomers(["a@example.com"])
        const ids = { kind: "ids", ids: [a] }
        const cases: [Record<string, unknown>, RegExp][] = [
          [{ selection: ids }, /action/],
          [{ action: "explode", selection: ids }, /action/],
          [{ action: "add_to_group", selection: ids }, /^params\.group_id: required for add_to_group/],
          [{ action: "add_to_group", params: { group_id: "cusgroup_missing" }, selection: ids }, /^params\.group_id: no customer group "cusgroup_missing"/],
          [{ action: "add_to_group", params: { group_id: group.id, segment_id: "cseg_x" }, selection: ids }, /^params\.segment_id: not taken by add_to_group/],
          [{ action: "add_to_segment", selection: ids }, /^params\.segment_id: required for add_to_segment/],
          [{ action: "unlock", params: { group_id: group.id }, selection: ids }, /^params: unlock takes no params/],
          [{ action: "add_to_group", params: { group_id: "bad id!" }, selection: ids }, /params\.group_id/],
          [{ action: "unlock" }, /selection/],
          [{ action: "unlock", selection: { kind: "ids", ids: [] } }, /^selection\.ids: name at least one customer/],
          [{ action: "unlock", selection: { kind: "ids", ids: [a, a] } }, new RegExp(`^selection\\.ids: ${a} is listed twice`)],
          [{ action: "unlock", selection: { kind: "ids" } }, /^selection\.ids: required with kind "ids"/],
          [{ action: "unlock", selection: { kind: "ids", ids: [a], filters: {} } }, /^selection\.filters: not taken with kind "ids"/],
          [{ action: "unlock", selection: { kind: "filters" } }, /^selection\.filters: required with kind "filters"/],
          [{ action: "unlock", selection: { kind: "filters", filters: { group_id: "not a list!" } } }, /^selection\.filters\.group_id/],
          [{ action: "unlock", selection: { kind: "filters", filters: { colour: "red" } } }, /selection\.filters/],
          [{ action: "unlock", selection: { kind: "everything" } }, /^selection\.kind: "ids" or "filters"/],
          [{ action: "unlock", selection: { ids: [a] } }, /^selection\.kind: "ids" or "filters"/],
          [{ action: "unlock", selection: { kind: "ids", ids: Array.from({ length: 10_001 }, (_, i) => `cus_${i}`) } }, /^selection\.ids: at most 10,000 customers/],
          [{ action: "delete", selection: ids, expected_count: -1 }, /expected_count/],
          [{ action: "delete", selection: ids, expected_count: 1.5 }, /expected_count/],
          [{ action: "unlock", selection: ids, extra: true }, /extra/],
        ]
        for (const [body, message] of cases) {
          const refused = await failure(api.post("/admin/customer-suite/bulk-actions", body, admin))
          expect([JSON.stringify(body).slice(0, 120), refused.status, refused.data.type]).toEqual([JSON.stringify(body).slice(0, 120), 400, "invalid_data"])
          // Request validation prefixes "Invalid request: "; the field comes first either way.
          expect(refused.data.message.replace(/^Invalid request: /, "")).toMatch(message)
        }
        // Nothing was recorded.
        expect((await api.get("/admin/customer-suite/bulk-actions", admin)).data.count).toBe(0)

        for (const query of ["status=bogus", "limit=0", "limit=101", "offset=-1", "colour=red"]) {
          const refused = await failure(api.get(`/admin/customer-suite/bulk-actions?${query}`, admin))
          expect([query, refused.status]).toEqual([query, 400])
          expect(refused.data.message).toMatch(new RegExp(query.split("=")[0]))
        }
        expect((await failure(api.get("/admin/customer-suite/bulk-actions/cbulk_missing", admin))).status).toBe(404)
        expect((await failure(api.get("/admin/customer-suite/bulk-actions/cbulk_missing?failures_limit=5000", admin))).status).toBe(400)
        expect((await failure(api.post("/admin/customer-suite/bulk-actions", { action: "unlock", selection: ids }, { headers: {} }))).status).toBe(401)
      })
    })
  },
})
