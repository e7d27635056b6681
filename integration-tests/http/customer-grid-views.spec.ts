import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { CUSTOMER_SUITE_MODULE } from "../../src/modules/customer_suite"
import type CustomerSuiteModuleService from "../../src/modules/customer_suite/service"
import type { AdminCustomerGridViewsResponse, CustomerGridView } from "../../src/types/http/customer-grid"
import {
  MAX_GRID_VIEWS_PER_USER,
  deleteCustomerGridViewsStepId,
  deleteCustomerGridViewsWorkflow,
  setCustomerGridDefaultViewStepId,
  setCustomerGridDefaultViewWorkflow,
  updateCustomerGridViewWorkflow,
  updateCustomerGridViewsStepId,
} from "../../src/workflows/customer-grid"
import { createAdminUser, type AuthHeaders } from "../helpers/admin"

jest.setTimeout(180_000)

const BASE = "/admin/customer-suite/grid-views"

/**
 * Saved views of the customers grid over HTTP: each staff user's own views,
 * shared ones visible (read-only) to every staff user, a default view per
 * user, and input checked by the grid's own filter schema.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    describe("Customer grid saved views", () => {
      let ann: AuthHeaders & { userId: string }
      let ben: AuthHeaders & { userId: string }

      const suite = () => getContainer().resolve<CustomerSuiteModuleService>(CUSTOMER_SUITE_MODULE)
      const failure = (promise: Promise<unknown>) =>
        promise.then(
          (ok: any) => Promise.reject(new Error(`expected a failure, got ${ok?.status} ${JSON.stringify(ok?.data)?.slice(0, 300)}`)),
          (e: any) => e.response
        )
      const list = async (who: AuthHeaders): Promise<AdminCustomerGridViewsResponse> => (await api.get(BASE, who)).data
      const create = async (who: AuthHeaders, body: Record<string, unknown>): Promise<CustomerGridView> =>
        (await api.post(BASE, { columns: ["email", "last_name"], ...body }, who)).data.view
      const setDefault = async (who: AuthHeaders, viewId: string | null): Promise<AdminCustomerGridViewsResponse> =>
        (await api.post(`${BASE}/default`, { view_id: viewId }, who)).data

      beforeEach(async () => {
        const container = getContainer()
        ann = await createAdminUser(container, "ann@customer-suite.test")
        ben = await createAdminUser(container, "ben@customer-suite.test")
      })

      it("creates, lists, reads, updates and deletes the user's own views", async () => {
        const created = await create(ann, {
          name: "  Spenders in France ",
          filters: { country: ["FR", "fr"], amount_spent: { currency: "EUR", gte: 100 }, has_account: "true", created_at: { gte: "2026-01-31" } },
          columns: ["email", "amount_spent", "countries"],
          sort: "-amount_spent",
        })
        expect(created).toEqual({
          id: expect.stringMatching(/^cgview_/),
          name: "Spenders in France",
          owner_user_id: ann.userId,
          shared: false,
          filters: { country: ["fr"], amount_spent: { currency: "eur", gte: 100 }, has_account: true, created_at: { gte: "2026-01-31T00:00:00.000Z" } },
          columns: ["email", "amount_spent", "countries"],
          sort: "-amount_spent",
          editable: true,
          created_at: expect.any(String),
          updated_at: expect.any(String),
        })
        const minimal = await create(ann, { name: "all customers", columns: ["id"] })
        expect(minimal).toMatchObject({ shared: false, filters: {}, columns: ["id"], sort: null })

        // By name (folded), then id.
        expect(await list(ann)).toEqual({ views: [minimal, created], default_view_id: null })
        expect((await api.get(`${BASE}/${created.id}`, ann)).data).toEqual({ view: created })

        const { data: updated } = await api.post(`${BASE}/${created.id}`, { name: "Zebra", sort: null, filters: { online: true } }, ann)
        expect(updated.view).toMatchObject({
          id: created.id,
          name: "Zebra",
          sort: null,
          filters: { online: true },
          columns: ["email", "amount_spent", "countries"],
          shared: false,
        })
        // Only the fields sent change.
        const { data: renamed } = await api.post(`${BASE}/${created.id}`, { shared: true }, ann)
        expect(renamed.view).toMatchObject({ name: "Zebra", filters: { online: true }, sort: null, shared: true })

        const { data: deleted } = await api.delete(`${BASE}/${created.id}`, ann)
        expect(deleted).toEqual({ id: created.id, object: "customer_grid_view", deleted: true })
        expect((await failure(api.get(`${BASE}/${created.id}`, ann))).status).toBe(404)
        expect((await list(ann)).views.map((v) => v.id)).toEqual([minimal.id])
        expect((await failure(api.delete(`${BASE}/${created.id}`, ann))).status).toBe(404)
      })

      it("orders views by name without the database's collation, with the id breaking ties", async () => {
        const names = ["beta", "Alpha", "éclair", "alpha", "Éclair", "Beta", "alpha"]
        const views: CustomerGridView[] = []
        for (const name of names) {
          views.push(await create(ann, { name, shared: true }))
        }
        const expected = [...views]
          .sort((a, b) => {
            const fold = (s: string) => s.normalize("NFKC").toUpperCase().toLowerCase().normalize("NFC")
            const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0)
            return cmp(fold(a.name), fold(b.name)) || cmp(a.name, b.name) || cmp(a.id, b.id)
          })
          .map((v) => v.name)
        expect(expected).toEqual(["Alpha", "alpha", "alpha", "Beta", "beta", "Éclair", "éclair"])
        expect((await list(ann)).views.map((v) => v.name)).toEqual(expected)
        expect((await list(ben)).views.map((v) => v.name)).toEqual(expected)
      })

      it("shows shared views to every staff user read-only, and private ones only to their owner", async () => {
        const shared = await create(ann, { name: "Team view", shared: true })
        const secret = await create(ann, { name: "Ann only" })
        const bens = await create(ben, { name: "Ben's" })

        const forBen = await list(ben)
        expect(forBen.views.map((v) => [v.name, v.editable])).toEqual([
          ["Ben's", true],
          ["Team view", false],
        ])
        expect((await api.get(`${BASE}/${shared.id}`, ben)).data.view).toMatchObject({ id: shared.id, editable: false, owner_user_id: ann.userId })
        expect((await list(ann)).views.map((v) => v.name)).toEqual(["Ann only", "Team view"])

        // A shared view is not Ben's to change or delete.
        const refusedUpdate = await failure(api.post(`${BASE}/${shared.id}`, { name: "Mine now" }, ben))
        expect(refusedUpdate.status).toBe(403)
        expect(refusedUpdate.data.message).toContain("only its owner")
        expect((await failure(api.delete(`${BASE}/${shared.id}`, ben))).status).toBe(403)
        expect((await api.get(`${BASE}/${shared.id}`, ann)).data.view.name).toBe("Team view")

        // Another user's private view does not exist for Ben.
        expect((await failure(api.get(`${BASE}/${secret.id}`, ben))).status).toBe(404)
        expect((await failure(api.post(`${BASE}/${secret.id}`, { name: "x" }, ben))).status).toBe(404)
        expect((await failure(api.delete(`${BASE}/${secret.id}`, ben))).status).toBe(404)
        expect((await failure(api.get(`${BASE}/${bens.id}`, ann))).status).toBe(404)
        expect((await failure(api.get(`${BASE}/cgview_missing`, ann))).status).toBe(404)

        // Unsharing hides it from Ben again.
        await api.post(`${BASE}/${shared.id}`, { shared: false }, ann)
        expect((await list(ben)).views.map((v) => v.name)).toEqual(["Ben's"])
        expect((await failure(api.get(`${BASE}/${shared.id}`, ben))).status).toBe(404)
      })

      it("keeps a default view per user", async () => {
        const team = await create(ann, { name: "Team", shared: true })
        const annOwn = await create(ann, { name: "Ann's own" })
        const benOwn = await create(ben, { name: "Ben's own" })

        const annList = await setDefault(ann, annOwn.id)
        expect(annList.default_view_id).toBe(annOwn.id)
        expect(annList.views.map((v) => v.id)).toEqual([annOwn.id, team.id])
        expect((await setDefault(ben, team.id)).default_view_id).toBe(team.id)

        expect((await list(ann)).default_view_id).toBe(annOwn.id)
        expect((await list(ben)).default_view_id).toBe(team.id)

        // Changing one user's default leaves the other's alone; null is the grid's built-in default.
        expect((await setDefault(ben, benOwn.id)).default_view_id).toBe(benOwn.id)
        expect((await list(ann)).default_view_id).toBe(annOwn.id)
        expect((await setDefault(ann, null)).default_view_id).toBeNull()
        expect((await list(ben)).default_view_id).toBe(benOwn.id)
        // One preference row per user, changed in place.
        expect(await suite().listCustomerGridPreferences({ user_id: [ann.userId, ben.userId] }, { order: { user_id: "ASC" } })).toHaveLength(2)

        // Only a view the user can see.
        for (const viewId of [annOwn.id, "cgview_missing"]) {
          const refused = await failure(api.post(`${BASE}/default`, { view_id: viewId }, ben))
          expect(refused.status).toBe(400)
          expect(refused.data.message).toMatch(/^view_id: /)
        }
        const badId = await failure(api.post(`${BASE}/default`, { view_id: 42 }, ben))
        expect(badId.status).toBe(400)
        expect(badId.data.message).toMatch(/^Invalid request: view_id: /)
        expect((await failure(api.post(`${BASE}/default`, {}, ben))).data.message).toMatch(/^Invalid request: view_id: /)
        expect((await list(ben)).default_view_id).toBe(benOwn.id)
      })

      it("clears every user's default when the view is deleted, and other users' when it stops being shared", async () => {
        const team = await create(ann, { name: "Team", shared: true })
        const other = await create(ann, { name: "Other", shared: true })
        await setDefault(ann, team.id)
        await setDefault(ben, team.id)

        await api.delete(`${BASE}/${team.id}`, ann)
        expect((await list(ann)).default_view_id).toBeNull()
        expect((await list(ben)).default_view_id).toBeNull()
        const stored = await suite().listCustomerGridPreferences({ user_id: [ann.userId, ben.userId] })
        expect(stored.map((p) => p.default_view_id)).toEqual([null, null])

        await setDefault(ann, other.id)
        await setDefault(ben, other.id)
        await api.post(`${BASE}/${other.id}`, { shared: false }, ann)
        // The owner still sees it and keeps it; Ben's default is gone, and stays gone if it is shared again.
        expect((await list(ann)).default_view_id).toBe(other.id)
        expect((await list(ben)).default_view_id).toBeNull()
        await api.post(`${BASE}/${other.id}`, { shared: true }, ann)
        expect((await list(ben)).default_view_id).toBeNull()
      })

      it("never answers a default the user can no longer see, even if a preference still points at it", async () => {
        const team = await create(ann, { name: "Team", shared: true })
        // As if the view had been unshared between the check and the write of a concurrent request.
        await suite().createCustomerGridPreferences({ user_id: ben.userId, default_view_id: team.id })
        expect((await list(ben)).default_view_id).toBe(team.id)
        await suite().updateCustomerGridViews({ id: team.id, shared: false })
        expect((await list(ben)).default_view_id).toBeNull()
        await suite().softDeleteCustomerGridViews([team.id])
        await suite().updateCustomerGridPreferences({ selector: { user_id: ben.userId }, data: { default_view_id: team.id } })
        expect((await list(ben)).default_view_id).toBeNull()
      })

      it.each([
        ["an empty name", { name: "  " }, /^Invalid request: name: /],
        ["a name over 120 characters", { name: "n".repeat(121) }, /^Invalid request: name: /],
        ["no columns", { columns: [] }, /^Invalid request: columns: /],
        ["an unknown column", { columns: ["email", "password_hash"] }, /^Invalid request: columns\.1: unknown column "password_hash"/],
        ["a repeated column", { columns: ["email", "email"] }, /^Invalid request: columns\.1: "email" is listed twice/],
        ["an unknown sort", { sort: "first_name" }, /^Invalid request: sort: /],
        ["a date filter that is not a date", { filters: { created_at: { gte: "yesterday" } } }, /^Invalid request: filters\.created_at\[gte\]: /],
        ["an unknown filter", { filters: { password: "x" } }, /^Invalid request: filters\.password: /],
        ["a malformed list filter", { filters: { group_id: [""] } }, /^Invalid request: filters\.group_id: /],
        ["a number filter that is not a number", { filters: { orders_count: { gte: "many" } } }, /^Invalid request: filters\.orders_count\[gte\]: /],
        ["an unknown field", { owner_user_id: "someone" }, /^Invalid request: Unrecognized fields: 'owner_user_id'/],
        ["shared that is not a boolean", { shared: "yes" }, /^Invalid request: shared: /],
        ["a name that is not text", { name: 7 }, /^Invalid request: name: /],
      ])("refuses %s (400 naming the field) and stores nothing", async (_label, body, message) => {
        const refused = await failure(api.post(BASE, { name: "View", columns: ["email"], ...body }, ann))
        expect(refused.status).toBe(400)
        expect(refused.data.type).toBe("invalid_data")
        expect(refused.data.message).toMatch(message)
        expect((await list(ann)).views).toEqual([])
      })

      it("checks an update as a create, and changes nothing when it is refused", async () => {
        const view = await create(ann, { name: "Keep", sort: "email" })
        for (const [body, field] of [
          [{ name: "" }, "name"],
          [{ columns: ["nope"] }, "columns.0"],
          [{ sort: "-nope" }, "sort"],
          [{ filters: { last_order_at: { lte: "soon" } } }, "filters.last_order_at[lte]"],
        ] as const) {
          const refused = await failure(api.post(`${BASE}/${view.id}`, body, ann))
          expect(refused.status).toBe(400)
          const prefix = `Invalid request: ${field}: `
          expect(refused.data.message.slice(0, prefix.length)).toBe(prefix)
        }
        expect((await api.get(`${BASE}/${view.id}`, ann)).data.view).toEqual(view)
      })

      it("refuses a sort by amount spent without the filter's currency, on create and on the view an update would leave", async () => {
        const refused = await failure(api.post(BASE, { name: "Top", columns: ["email"], sort: "-amount_spent" }, ann))
        expect(refused.status).toBe(400)
        expect(refused.data.message).toMatch(/^sort: amount_spent needs filters\.amount_spent\.currency/)
        expect((await list(ann)).views).toEqual([])

        const view = await create(ann, { name: "Top", sort: "-amount_spent", filters: { amount_spent: { currency: "usd" } } })
        const dropped = await failure(api.post(`${BASE}/${view.id}`, { filters: { online: true } }, ann))
        expect(dropped.status).toBe(400)
        expect(dropped.data.message).toMatch(/^sort: amount_spent needs/)
        expect((await api.get(`${BASE}/${view.id}`, ann)).data.view).toEqual(view)
        // Changing both together is fine.
        const { data } = await api.post(`${BASE}/${view.id}`, { filters: { online: true }, sort: "email" }, ann)
        expect(data.view).toMatchObject({ filters: { online: true }, sort: "email" })
      })

      it(`keeps at most ${MAX_GRID_VIEWS_PER_USER} views per user`, async () => {
        await suite().createCustomerGridViews(
          Array.from({ length: MAX_GRID_VIEWS_PER_USER }, (_, i) => ({
            name: `View ${String(i).padStart(3, "0")}`,
            owner_user_id: ann.userId,
            shared: false,
            filters: {},
            columns: ["email"],
            sort: null,
          }))
        )
        const refused = await failure(api.post(BASE, { name: "One too many", columns: ["email"] }, ann))
        expect(refused.status).toBe(400)
        expect(refused.data.message).toContain(`at most ${MAX_GRID_VIEWS_PER_USER} saved views`)
        expect((await list(ann)).views).toHaveLength(MAX_GRID_VIEWS_PER_USER)
        // Another user's count is their own.
        expect((await create(ben, { name: "Ben's first" })).owner_user_id).toBe(ben.userId)
        // A deleted view frees its place.
        const first = (await list(ann)).views[0]
        await api.delete(`${BASE}/${first.id}`, ann)
        expect((await create(ann, { name: "Now it fits" })).name).toBe("Now it fits")
      })

      describe("workflows roll back", () => {
        it("restores the view and every default pointing at it when deleting fails", async () => {
          const team = await create(ann, { name: "Team", shared: true })
          await setDefault(ann, team.id)
          await setDefault(ben, team.id)
          const workflow = deleteCustomerGridViewsWorkflow(getContainer())
          workflow.appendAction("fail", deleteCustomerGridViewsStepId, {
            invoke: async () => {
              throw new Error("fail after delete")
            },
          })
          const { errors } = await workflow.run({ input: { ids: [team.id], user_id: ann.userId }, throwOnError: false })
          expect(errors[0].error.message).toBe("fail after delete")
          expect((await api.get(`${BASE}/${team.id}`, ben)).data.view).toEqual({ ...team, editable: false, updated_at: expect.any(String) })
          expect((await list(ann)).default_view_id).toBe(team.id)
          expect((await list(ben)).default_view_id).toBe(team.id)
        })

        it("puts the view's fields back when updating fails", async () => {
          const view = await create(ann, { name: "Before", shared: true, filters: { online: true }, sort: "email" })
          await setDefault(ben, view.id)
          const workflow = updateCustomerGridViewWorkflow(getContainer())
          workflow.appendAction("fail", updateCustomerGridViewsStepId, {
            invoke: async () => {
              throw new Error("fail after update")
            },
          })
          const { errors } = await workflow.run({
            input: { id: view.id, user_id: ann.userId, update: { name: "After", shared: false, filters: {}, sort: null } },
            throwOnError: false,
          })
          expect(errors[0].error.message).toBe("fail after update")
          expect((await api.get(`${BASE}/${view.id}`, ann)).data.view).toMatchObject({ name: "Before", shared: true, filters: { online: true }, sort: "email" })
          expect((await list(ben)).default_view_id).toBe(view.id)
        })

        it("puts the previous default back, or removes the preference it created, when setting the default fails", async () => {
          const one = await create(ann, { name: "One" })
          const two = await create(ann, { name: "Two" })
          const failing = () => {
            const workflow = setCustomerGridDefaultViewWorkflow(getContainer())
            workflow.appendAction("fail", setCustomerGridDefaultViewStepId, {
              invoke: async () => {
                throw new Error("fail after set")
              },
            })
            return workflow
          }
          const first = await failing().run({ input: { user_id: ann.userId, view_id: one.id }, throwOnError: false })
          expect(first.errors[0].error.message).toBe("fail after set")
          expect(await suite().listCustomerGridPreferences({ user_id: ann.userId })).toEqual([])

          await setDefault(ann, one.id)
          await failing().run({ input: { user_id: ann.userId, view_id: two.id }, throwOnError: false })
          expect((await list(ann)).default_view_id).toBe(one.id)
        })
      })
    })
  },
})
