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
