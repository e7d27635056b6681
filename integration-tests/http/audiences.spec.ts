import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createCustomersWorkflow, deleteCustomersWorkflow } from "@medusajs/medusa/core-flows"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { CUSTOMER_SEGMENT_MODULE } from "../../src/modules/customer_segment"
import type CustomerSegmentModuleService from "../../src/modules/customer_segment/service"
import { PERSONALIZATION_MODULE } from "../../src/modules/personalization"
import { signatureHeader } from "../../src/modules/personalization/audience-signing"
import type PersonalizationModuleService from "../../src/modules/personalization/service"
import { applyAudienceBatchWorkflow } from "../../src/workflows/audiences"
import { applyAudienceBatchStepId } from "../../src/workflows/audiences/steps/apply-audience-batch"
import { createAdminUser, type AuthHeaders } from "../helpers/admin"
import { eventually } from "../helpers/wait"

jest.setTimeout(180_000)

const HOOK = "/hooks/customer-suite/audiences"

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
    let source: { id: string; secret: string }
    let ada: { id: string }
    let bob: { id: string }

    const service = () => container.resolve<PersonalizationModuleService>(PERSONALIZATION_MODULE)
    const now = () => Math.floor(Date.now() / 1000)

    /** Sends a batch signed with `secret` (the source's by default) at `t` (now by default). */
    const send = (
      body: unknown,
      { secret = source.secret, t = now(), sourceId = source.id, raw }: { secret?: string; t?: number; sourceId?: string; raw?: string } = {}
    ) => {
      const text = raw ?? JSON.stringify(body)
      return api.post(HOOK, text, {
        headers: {
          "content-type": "application/json",
          "x-customer-suite-source": sourceId,
          "x-customer-suite-signature": signatureHeader(secret, t, JSON.stringify(body)),
        },
      })
    }
    const batch = (batchId: string, add: unknown[] = [], remove: unknown[] = [], audience = { id: "cdp-high-intent", name: "High intent" }) => ({
      batch_id: batchId,
      audience,
      add,
      remove,
    })
    const memberIds = async () =>
      (await service().listAudienceMembers({}, { select: ["customer_id"], take: null })).map((m) => m.customer_id).sort()

    beforeEach(async () => {
      container = getContainer()
      admin = await createAdminUser(container)
      const { data } = await api.post("/admin/audience-sources", { name: "Demo CDP" }, admin)
      source = { id: data.audience_source.id, secret: data.secret }
      const { result } = await createCustomersWorkflow(container).run({
        input: {
          customersData: [
            { email: "Ada@Example.com", first_name: "Ada" },
            { email: "bob@example.com", first_name: "Bob" },
          ],
        },
      })
      ada = result.find((c) => c.first_name === "Ada")!
      bob = result.find((c) => c.first_name === "Bob")!
    })

    describe("the webhook", () => {
      it("adds members by id and by email (without case), counts unknown ones, then removes", async () => {
        const { status, data } = await send(
          batch("b-1", [{ customer_id: ada.id }, { email: "BOB@example.COM" }, { email: "nobody@example.com" }, { customer_id: "cus_missing" }])
        )
        expect(status).toBe(200)
        expect(data.batch).toMatchObject({
          batch_id: "b-1",
          audience: { external_id: "cdp-high-intent", name: "High intent", member_count: 2 },
          added: 2,
          removed: 0,
          unchanged: 0,
          unknown: { count: 2, samples: [{ email: "nobody@example.com" }, { customer_id: "cus_missing" }] },
          replayed: false,
        })
        expect(await memberIds()).toEqual([ada.id, bob.id].sort())
        // Unknown customers are never created.
        expect(await container.resolve(Modules.CUSTOMER).listCustomers({ email: "nobody@example.com" })).toHaveLength(0)

        const audienceId = data.batch.audience.id
        expect(await service().listCustomerAudienceIds(ada.id)).toEqual([audienceId])

        const removed = await send(batch("b-2", [], [{ email: "ada@example.com" }], { id: "cdp-high-intent", name: "Very high intent" }))
        expect(removed.data.batch).toMatchObject({ added: 0, removed: 1, audience: { id: audienceId, name: "Very high intent", member_count: 1 } })
        expect(await memberIds()).toEqual([bob.id])

        const listed = await api.get(`/admin/audiences?source_id=${source.id}`, admin)
        expect(listed.data).toMatchObject({ count: 1, offset: 0, limit: 20 })
        expect(listed.data.audiences[0]).toMatchObject({
          id: audienceId,
          name: "Very high intent",
          external_id: "cdp-high-intent",
          source: { id: source.id, name: "Demo CDP" },
          member_count: 1,
          last_batch_at: expect.any(String),
          sync_customer_group: false,
          customer_group_id: null,
        })
        const detail = await api.get(`/admin/audiences/${audienceId}`, admin)
        expect(detail.data.members).toMatchObject({ count: 1, customers: [{ customer_id: bob.id, email: "bob@example.com", first_name: "Bob" }] })

        const batches = await api.get(`/admin/audience-sources/${source.id}/batches`, admin)
        expect(batches.data.count).toBe(2)
        expect(batches.data.batches.map((b: any) => [b.batch_id, b.added, b.removed, b.unknown])).toEqual([
          ["b-2", 0, 1, 0],
          ["b-1", 2, 0, 2],
        ])
        expect(batches.data.batches[1].unknown_samples).toEqual([{ email: "nobody@example.com" }, { customer_id: "cus_missing" }])
      })

      it("finds audiences by name, and a deleted customer leaves its audiences", async () => {
        const { data } = await send(batch("b-1", [{ customer_id: ada.id }, { customer_id: bob.id }]))
        await send(batch("b-2", [{ customer_id: ada.id }], [], { id: "cdp-churn", name: "Churn risk" }))
        expect((await api.get("/admin/audiences?q=intent", admin)).data.audiences.map((a: any) => a.name)).toEqual(["High intent"])
        expect((await api.get("/admin/audiences", admin)).data.audiences.map((a: any) => a.name)).toEqual(["Churn risk", "High intent"])
        expect((await api.get("/admin/audiences?q=nothing", admin)).data.count).toBe(0)

        await deleteCustomersWorkflow(container).run({ input: { ids: [ada.id] } })
        await eventually(async () => expect(await memberIds()).toEqual([bob.id]))
        const [high] = await service().listAudiences({ id: data.batch.audience.id })
        expect(high.member_count).toBe(1)
        expect((await service().listAudiences({ external_id: "cdp-churn" }))[0].member_count).toBe(0)
      })

      it("answers a replayed batch id with its first result and changes nothing", async () => {
        const first = await send(batch("b-1", [{ customer_id: ada.id }]))
        const replay = await send(batch("b-1", [{ customer_id: bob.id }], [{ customer_id: ada.id }], { id: "other", name: "Other" }))
        expect(replay.status).toBe(200)
        expect(replay.data.batch).toEqual({ ...first.data.batch, replayed: true })
        expect(await memberIds()).toEqual([ada.id])
        expect(await service().listAudiences({})).toHaveLength(1)
        expect(await service().listAudienceBatches({})).toHaveLength(1)
      })

      it("refuses a bad signature: wrong secret, changed body, missing or malformed header, unknown source", async () => {
        const body = batch("b-1", [{ customer_id: ada.id }])
        const wrong = await failure(send(body, { secret: "cssk_not-the-secret" }))
        expect([wrong.status, wrong.data.type]).toEqual([401, "unauthorized"])
        expect(wrong.data.message).toMatch(/bad signature/)

        const tampered = await failure(send(body, { raw: JSON.stringify(batch("b-1", [{ customer_id: bob.id }])) }))
        expect(tampered.status).toBe(401)

        const unsigned = await failure(
          api.post(HOOK, JSON.stringify(body), { headers: { "content-type": "application/json", "x-customer-suite-source": source.id } })
        )
        expect([unsigned.status, unsigned.data.message]).toEqual([401, expect.stringMatching(/x-customer-suite-signature/)])
        const malformed = await failure(
          api.post(HOOK, JSON.stringify(body), {
            headers: { "content-type": "application/json", "x-customer-suite-source": source.id, "x-customer-suite-signature": "sha256=abc" },
          })
        )
        expect(malformed.status).toBe(401)
        const noSource = await failure(send(body, { sourceId: "audsrc_unknown" }))
        expect(noSource.status).toBe(401)

        expect(await memberIds()).toEqual([])
        expect(await service().listAudienceBatches({})).toHaveLength(0)
      })

      it("refuses a timestamp more than 5 minutes off, either way, and records it on the source", async () => {
        const body = batch("b-1", [{ customer_id: ada.id }])
        const old = await failure(send(body, { t: now() - 301 }))
        expect([old.status, old.data.message]).toEqual([401, expect.stringMatching(/t=\d+ is 30\d s from the server's clock \(at most 300 s\)/)])
        const future = await failure(send(body, { t: now() + 400 }))
        expect(future.status).toBe(401)
        expect((await send(body, { t: now() - 200 })).status).toBe(200)

        const { data } = await api.get(`/admin/audience-sources/${source.id}`, admin)
        expect(data.audience_source).toMatchObject({ last_error: expect.stringMatching(/from the server's clock/), last_error_at: expect.any(String) })
        expect(data.audience_source).not.toHaveProperty("secret")
      })

      it("refuses more than 10,000 members (413, nothing stored) and an invalid body (400 naming the field)", async () => {
        const add = Array.from({ length: 6_000 }, (_, i) => ({ email: `m${i}@example.com` }))
        const remove = Array.from({ length: 4_001 }, (_, i) => ({ customer_id: `cus_${i}` }))
        const big = await failure(send(batch("b-big", [{ customer_id: ada.id }, ...add.slice(1)], remove)))
        expect([big.status, big.data.message]).toEqual([413, expect.stringMatching(/add and remove: 10001 members in one batch, at most 10000/)])
        expect(await service().listAudiences({})).toHaveLength(0)
        expect(await memberIds()).toEqual([])

        // Exactly 10,000 is accepted.
        const ok = await send(batch("b-max", [{ customer_id: ada.id }, ...add.slice(1)], remove.slice(1)))
        expect(ok.data.batch).toMatchObject({ added: 1, unknown: { count: 9_999 } })
        expect(ok.data.batch.unknown.samples).toHaveLength(20)

        const invalid = await failure(send({ batch_id: "b-x", audience: { id: "a" }, add: [{ email: "not-an-email" }, { customer_id: "x", email: "a@b.co" }] }))
        expect(invalid.status).toBe(400)
        expect(invalid.data.message).toMatch(/audience\.name/)
        expect(invalid.data.message).toMatch(/add\.0\.email/)
        expect(invalid.data.message).toMatch(/add\.1: give either customer_id or email/)
      })

      it("applies a batch whole or not at all", async () => {
        await send(batch("b-1", [{ customer_id: ada.id }]))
        // The same customer added and removed: refused before anything is written.
        const both = await failure(send(batch("b-2", [{ customer_id: bob.id }, { email: "ada@example.com" }], [{ customer_id: ada.id }])))
        expect([both.status, both.data.message]).toEqual([400, expect.stringMatching(/add and remove name the same customer/)])
        expect(await memberIds()).toEqual([ada.id])

        // A failure after the batch is written puts everything back, the batch id included.
        const workflow = applyAudienceBatchWorkflow(container)
        workflow.appendAction("fail", applyAudienceBatchStepId, {
          invoke: async () => {
            throw new Error("fail after apply")
          },
        })
        const { errors } = await workflow.run({
          input: {
            source_id: source.id,
            batch_id: "b-3",
            sent_at: new Date(),
            audience: { id: "cdp-high-intent", name: "Renamed" },
            add: [{ customer_id: bob.id }],
            remove: [{ customer_id: ada.id }],
          },
          throwOnError: false,
        })
        expect(errors[0].error.message).toBe("fail after apply")
        expect(await memberIds()).toEqual([ada.id])
        const [audience] = await service().listAudiences({})
        expect(audience).toMatchObject({ name: "High intent", member_count: 1 })
        expect((await service().listAudienceBatches({})).map((b) => b.batch_id)).toEqual(["b-1"])
        // A new audience created by a failed batch is gone too.
        const again = applyAudienceBatchWorkflow(container)
        again.appendAction("fail", applyAudienceBatchStepId, {
          invoke: async () => {
            throw new Error("fail after apply")
          },
        })
        await again.run({
          input: { source_id: source.id, batch_id: "b-4", sent_at: new Date(), audience: { id: "new", name: "New" }, add: [{ customer_id: bob.id }], remove: [] },
          throwOnError: false,
        })
        expect((await service().listAudiences({})).map((a) => a.external_id)).toEqual(["cdp-high-intent"])
      })
    })

    describe("sources (admin)", () => {
      it("shows the secret only on create and on rotate; the old secret verifies during the grace period only", async () => {
        const listed = await api.get("/admin/audience-sources", admin)
        expect(listed.data).toMatchObject({ count: 1, audience_sources: [{ id: source.id, name: "Demo CDP", secret_hint: `…${source.secret.slice(-4)}` }] })
        expect(JSON.stringify(listed.data)).not.toContain(source.secret)
        expect(source.secret).toMatch(/^cssk_[A-Za-z0-9_-]{43}$/)
        // Stored encrypted, never in clear.
        const [stored] = await service().listAudienceSources({ id: source.id })
        expect(JSON.stringify(stored)).not.toContain(source.secret)

        const rotated = await api.post(`/admin/audience-sources/${source.id}/rotate-secret`, {}, admin)
        const secret = rotated.data.secret as string
        expect(secret).not.toBe(source.secret)
        expect(rotated.data.audience_source).toMatchObject({ secret_hint: `…${secret.slice(-4)}`, previous_secret_expires_at: expect.any(String) })
        const graceEnds = new Date(rotated.data.audience_source.previous_secret_expires_at).getTime()
        expect(Math.abs(graceEnds - Date.now() - 24 * 3_600_000)).toBeLessThan(60_000)

        expect((await send(batch("b-new", [{ customer_id: ada.id }]), { secret })).status).toBe(200)
        expect((await send(batch("b-old", [{ customer_id: bob.id }]))).status).toBe(200)

        // The grace period over: the old secret is refused.
        await service().updateAudienceSources({ id: source.id, previous_secret_expires_at: new Date(Date.now() - 1000) })
        expect((await failure(send(batch("b-old-2", [{ customer_id: bob.id }])))).status).toBe(401)
        expect((await send(batch("b-new-2", [{ customer_id: bob.id }]), { secret })).status).toBe(200)

        // Rotating again: the secret rotated out first stops at once.
        const third = (await api.post(`/admin/audience-sources/${source.id}/rotate-secret`, {}, admin)).data.secret
        expect((await failure(send(batch("b-x", []), { secret: source.secret }))).status).toBe(401)
        expect((await send(batch("b-y", []), { secret })).status).toBe(200)
        expect((await send(batch("b-z", []), { secret: third })).status).toBe(200)
      })

      it("renames and deletes a source (its audiences and members go; customers leave them)", async () => {
        const created = await failure(api.post("/admin/audience-sources", { name: "" }, admin))
        expect(created.status).toBe(400)
        const renamed = await api.post(`/admin/audience-sources/${source.id}`, { name: "Segment CDP" }, admin)
        expect(renamed.data.audience_source.name).toBe("Segment CDP")
        await send(batch("b-1", [{ customer_id: ada.id }]))
        const deleted = await api.delete(`/admin/audience-sources/${source.id}`, admin)
        expect(deleted.data).toEqual({ id: source.id, object: "audience_source", deleted: true })
        expect(await service().listCustomerAudienceIds(ada.id)).toEqual([])
        expect((await api.get("/admin/audiences", admin)).data.count).toBe(0)
        expect((await failure(send(batch("b-2", [{ customer_id: ada.id }])))).status).toBe(401)
        expect((await failure(api.get(`/admin/audience-sources/${source.id}`, admin))).status).toBe(404)
      })
    })
    describe("audiences elsewhere", () => {
      const segmentMembers = async (segmentId: string) =>
        (await api.get(`/admin/customer-segments/${segmentId}/customers?limit=200`, admin)).data.customers.map((c: { id: string }) => c.id).sort()
      const profileOf = async (customerId: string) =>
        (await container.resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE).readCustomerFacts([customerId])).profiles[0]

      it("segments read `audiences CONTAINS`, kept current after each batch", async () => {
        const first = await send(batch("b-1", [{ customer_id: ada.id }]))
        const audienceId = first.data.batch.audience.id
        await eventually(async () => expect((await profileOf(ada.id))?.audience_ids).toEqual([audienceId]))

        const attributes = (await api.get("/admin/customer-segments/attributes", admin)).data.attributes
        expect(attributes.find((a: { name: string }) => a.name === "audiences")).toMatchObject({
          type: "id_list",
          picker: "audience",
          guest: false,
          operators: expect.arrayContaining([expect.objectContaining({ operator: "contains", text: "CONTAINS" })]),
        })

        const { data } = await api.post(
          "/admin/customer-segments",
          { name: "High intent (CDP)", query: `audiences CONTAINS '${audienceId}'` },
          admin
        )
        const segmentId = data.customer_segment.id
        expect(data.customer_segment.attributes).toEqual(["audiences"])
        await eventually(async () => expect(await segmentMembers(segmentId)).toEqual([ada.id]))

        await send(batch("b-2", [{ email: "bob@example.com" }], [{ customer_id: ada.id }]))
        await eventually(async () => expect(await segmentMembers(segmentId)).toEqual([bob.id]))
        expect((await profileOf(ada.id)).audience_ids).toEqual([])
        const explained = await api.get(`/admin/customer-segments/${segmentId}/explain?customer_id=${bob.id}`, admin)
        expect(explained.data.explanation).toMatchObject({ member: true, matches: true, facts: { audiences: [audienceId] } })

        // Deleting the source takes its members out of the segment too.
        await api.delete(`/admin/audience-sources/${source.id}`, admin)
        await eventually(async () => expect(await segmentMembers(segmentId)).toEqual([]))
      })

      it("mirrors an audience into a managed customer group, kept current and renamed with it", async () => {
        const first = await send(batch("b-1", [{ customer_id: ada.id }]))
        const audienceId = first.data.batch.audience.id
        const customerModule = container.resolve(Modules.CUSTOMER)
        const groupMembers = async (groupId: string) =>
          (await customerModule.listCustomerGroupCustomers({ customer_group_id: groupId }, { take: null })).map((l) => l.customer_id).sort()

        const on = await api.post(`/admin/audiences/${audienceId}`, { sync_customer_group: true }, admin)
        const groupId = on.data.audience.customer_group_id
        expect(on.data.audience).toMatchObject({ sync_customer_group: true, customer_group_id: expect.stringMatching(/^cusgroup_/) })
        const [group] = await customerModule.listCustomerGroups({ id: groupId })
        expect(group).toMatchObject({ name: "High intent", metadata: { managed_by: "audience", audience_id: audienceId } })
        expect(await groupMembers(groupId)).toEqual([ada.id])

        await send(batch("b-2", [{ customer_id: bob.id }], [{ customer_id: ada.id }], { id: "cdp-high-intent", name: "Hot leads" }))
        await eventually(async () => expect(await groupMembers(groupId)).toEqual([bob.id]))
        await eventually(async () => expect((await customerModule.listCustomerGroups({ id: groupId }))[0].name).toBe("Hot leads"))

        const invalid = await failure(api.post(`/admin/audiences/${audienceId}`, { sync_customer_group: "yes" }, admin))
        expect(invalid.status).toBe(400)

        const off = await api.post(`/admin/audiences/${audienceId}`, { sync_customer_group: false }, admin)
        expect(off.data.audience).toMatchObject({ sync_customer_group: false, customer_group_id: null })
        expect(await customerModule.listCustomerGroups({ id: groupId })).toHaveLength(0)

        // On again, then the source deleted: the group goes with the audience.
        const again = (await api.post(`/admin/audiences/${audienceId}`, { sync_customer_group: true }, admin)).data.audience.customer_group_id
        await api.delete(`/admin/audience-sources/${source.id}`, admin)
        expect(await customerModule.listCustomerGroups({ id: again })).toHaveLength(0)
      })
    })
  },
})
