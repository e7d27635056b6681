import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { linkCustomersToCustomerGroupWorkflow } from "@medusajs/medusa/core-flows"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { PERSONALIZATION_MODULE } from "../../src/modules/personalization"
import type PersonalizationModuleService from "../../src/modules/personalization/service"
import { pruneContentBlockEventsWorkflow, updateContentBlockWorkflow } from "../../src/workflows/content-blocks"
import { updateContentBlockStepId } from "../../src/workflows/content-blocks/steps/update-content-block"
import { createAdminUser, type AuthHeaders } from "../helpers/admin"
import { createPublishableKey, registerCustomer } from "../helpers/store"
import { eventually } from "../helpers/wait"

jest.setTimeout(180_000)

const failure = (promise: Promise<unknown>) =>
  promise.then(
    (r) => {
      throw new Error(`expected a failure, got ${JSON.stringify((r as { data: unknown }).data)}`)
    },
    (e: any) => e.response ?? e
  )

const HOUR = 3_600_000

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: AuthHeaders
    let container: MedusaContainer
    let key: string
    let guest: { headers: Record<string, string> }

    beforeEach(async () => {
      container = getContainer()
      admin = await createAdminUser(container)
      key = await createPublishableKey(container)
      guest = { headers: { "x-publishable-api-key": key } }
    })

    const block = async (body: Record<string, unknown>) =>
      (await api.post("/admin/content-blocks", { placement: "home-hero", content: `<p>${body.name}</p>`, ...body }, admin)).data.content_block
    const segment = async (body: Record<string, unknown>) => (await api.post("/admin/customer-segments", body, admin)).data.customer_segment
    const names = (data: { content_blocks: { id: string }[] }, byId: Record<string, string>) =>
      data.content_blocks.map((b) => byId[b.id])
    const byIdOf = (...blocks: { id: string; name: string }[]) => Object.fromEntries(blocks.map((b) => [b.id, b.name]))

    /** A registered customer in a static segment "VIP", the group "Wholesale" and the audience "aud_test". */
    const vipCustomer = async () => {
      const customer = await registerCustomer(api as any, key, { email: "ada@example.com", first_name: "Ada" })
      const vip = await segment({ name: "VIP", kind: "static", applies_to: "both" })
      await api.post(`/admin/customer-segments/${vip.id}/customers`, { add: [customer.id] }, admin)
      const [wholesale] = await container.resolve(Modules.CUSTOMER).createCustomerGroups([{ name: "Wholesale" }])
      await linkCustomersToCustomerGroupWorkflow(container).run({ input: { id: wholesale.id, add: [customer.id] } })
      await container.resolve<PersonalizationModuleService>(PERSONALIZATION_MODULE).createAudienceMembers([{ audience_id: "aud_test", customer_id: customer.id }])
      return { customer, vip, wholesale }
    }

    describe("GET /store/content-blocks", () => {
      it("chooses by segment, group, audience, shopper kind, exclusion, status, schedule, locale, priority and limit", async () => {
        const { customer, vip, wholesale } = await vipCustomer()
        const past = new Date(Date.now() - 2 * HOUR).toISOString()
        const future = new Date(Date.now() + 2 * HOUR).toISOString()
        const blocks = [
          await block({ name: "Everybody", priority: 0 }),
          await block({ name: "VIP", priority: 100, target_segment_ids: [vip.id] }),
          await block({ name: "Wholesale", priority: 90, target_group_ids: [wholesale.id] }),
          await block({ name: "Audience", priority: 80, target_audience_ids: ["aud_test"] }),
          await block({ name: "Guests", priority: 70, shopper_kind: "guest" }),
          await block({ name: "Not VIP", priority: 60, exclude_segment_ids: [vip.id] }),
          await block({ name: "German", priority: 50, locale: "de" }),
          await block({ name: "Registered", priority: 40, shopper_kind: "registered" }),
          await block({ name: "Off", priority: 200, status: "inactive" }),
          await block({ name: "Ended", priority: 150, starts_at: new Date(Date.now() - 5 * HOUR).toISOString(), ends_at: past }),
          await block({ name: "Later", priority: 140, starts_at: future }),
          await block({ name: "Other group", priority: 130, target_group_ids: [(await container.resolve(Modules.CUSTOMER).createCustomerGroups([{ name: "Other" }]))[0].id] }),
          await block({ name: "Elsewhere", placement: "footer", priority: 500 }),
        ]
        const byId = byIdOf(...blocks)
        const asCustomer = { headers: customer.headers }

        // Group membership reaches the facts projection through a subscriber.
        await eventually(async () => {
          const { data } = await api.get("/store/content-blocks?placement=home-hero&limit=20", asCustomer)
          expect(names(data, byId)).toEqual(["VIP", "Wholesale", "Audience", "Registered", "Everybody"])
        })
        const german = await api.get("/store/content-blocks?placement=home-hero&locale=de_DE&limit=20", asCustomer)
        expect(names(german.data, byId)).toEqual(["VIP", "Wholesale", "Audience", "German", "Registered", "Everybody"])
        const english = await api.get("/store/content-blocks?placement=home-hero&locale=en&limit=20", asCustomer)
        expect(names(english.data, byId)).toEqual(["VIP", "Wholesale", "Audience", "Registered", "Everybody"])
        const two = await api.get("/store/content-blocks?placement=home-hero&limit=2", asCustomer)
        expect(names(two.data, byId)).toEqual(["VIP", "Wholesale"])
        const fallback = await api.get("/store/content-blocks?placement=home-hero", asCustomer)
        expect(fallback.data.content_blocks).toHaveLength(5)

        const anonymous = await api.get("/store/content-blocks?placement=home-hero&limit=20", guest)
        expect(names(anonymous.data, byId)).toEqual(["Guests", "Not VIP", "Everybody"])

        // The contract's fields only: nothing about targets, no segment names.
        expect(two.data.content_blocks[0]).toEqual({
          id: blocks[1].id,
          placement: "home-hero",
          format: "html",
          content: "<p>VIP</p>",
          image_url: null,
          link_url: null,
          priority: 100,
          locale: null,
        })
        expect(JSON.stringify(anonymous.data)).not.toContain(vip.id)
        expect(JSON.stringify(two.data)).not.toContain(vip.id)
        expect(JSON.stringify(two.data)).not.toContain(wholesale.id)

        // Targeted placements are private; a placement for everybody may be cached publicly.
        expect(two.headers["cache-control"]).toBe("private, no-cache")
        expect(two.headers.vary).toMatch(/Authorization/i)
        const footer = await api.get("/store/content-blocks?placement=footer", guest)
        expect(names(footer.data, byId)).toEqual(["Elsewhere"])
        expect(footer.headers["cache-control"]).toBe("public, max-age=60")
        expect(footer.headers.vary).toMatch(/Authorization/i)
        const none = await api.get("/store/content-blocks?placement=nothing-here", guest)
        expect(none.data).toEqual({ content_blocks: [] })
      })

      it("evaluates a guest's segments live on their cart and hides a registered customer's cart from others", async () => {
        const bigCart = await segment({ name: "Guest carts over 100", applies_to: "guests", query: "cart_subtotal > 100 EUR" })
        const banner = await block({
          name: "Big cart",
          placement: "cart-banner",
          shopper_kind: "guest",
          target_segment_ids: [bigCart.id],
          content: '<p>Free shipping on you</p><img src="https://cdn.example.com/b.png" alt="">',
          format: "html",
          image_url: "https://cdn.example.com/b.png",
          link_url: "/shipping",
        })
        const cartModule = container.resolve(Modules.CART)
        const [cart] = await cartModule.createCarts([
          { currency_code: "eur", email: "guest@example.com", items: [{ title: "Tent", quantity: 2, unit_price: 60, product_id: "prod_tent" }] },
        ])
        const big = await api.get(`/store/content-blocks?placement=cart-banner&cart_id=${cart.id}`, guest)
        expect(big.data.content_blocks.map((b: { id: string }) => b.id)).toEqual([banner.id])
        expect(big.data.content_blocks[0]).toMatchObject({ image_url: "https://cdn.example.com/b.png", link_url: "/shipping" })
        expect(JSON.stringify(big.data)).not.toContain("Guest carts over 100")

        await cartModule.updateLineItems([{ selector: { cart_id: cart.id }, data: { quantity: 1 } }])
        const small = await api.get(`/store/content-blocks?placement=cart-banner&cart_id=${cart.id}`, guest)
        expect(small.data.content_blocks).toEqual([])
        const noCart = await api.get("/store/content-blocks?placement=cart-banner", guest)
        expect(noCart.data.content_blocks).toEqual([])

        const ada = await registerCustomer(api as any, key, { email: "ada@example.com" })
        const [adasCart] = await cartModule.createCarts([{ currency_code: "eur", customer_id: ada.id }])
        const stranger = await failure(api.get(`/store/content-blocks?placement=cart-banner&cart_id=${adasCart.id}`, guest))
        expect(stranger.status).toBe(404)
        const own = await api.get(`/store/content-blocks?placement=cart-banner&cart_id=${adasCart.id}`, { headers: ada.headers })
        expect(own.data.content_blocks).toEqual([])
        const unknown = await failure(api.get("/store/content-blocks?placement=cart-banner&cart_id=cart_nope", guest))
        expect(unknown.status).toBe(404)
      })

      it("evaluates the segments a block names through the segments they read, with the cart's products when a rule filters by collection", async () => {
        const productModule = container.resolve(Modules.PRODUCT)
        const [gear] = await productModule.createProductCollections([{ title: "Gear" }])
        const [tent, mug] = await productModule.createProducts([{ title: "Tent", collection_id: gear.id }, { title: "Mug" }])
        const campers = await segment({ name: "Campers", applies_to: "guests", query: `cart_products CONTAINS (collection: '${gear.id}')` })
        // Named by no block: evaluated only because "Campers in France" reads it.
        const french = await segment({ name: "Campers in France", applies_to: "guests", query: `segments CONTAINS '${campers.id}' AND countries CONTAINS 'fr'` })
        const mugs = await segment({ name: "Mug carts", applies_to: "guests", query: `cart_products CONTAINS (product: '${mug.id}')` })
        const frenchBlock = await block({ name: "French campers", placement: "cart-banner", target_segment_ids: [french.id] })
        const mugBlock = await block({ name: "Mugs", placement: "cart-banner", target_segment_ids: [mugs.id], priority: -1 })
        const byId = byIdOf(frenchBlock, mugBlock)
        const cartModule = container.resolve(Modules.CART)
        const cartWith = async (productId: string, country: string) =>
          (
            await cartModule.createCarts([
              {
                currency_code: "eur",
                shipping_address: { country_code: country },
                items: [{ title: "Line", quantity: 1, unit_price: 10, product_id: productId }],
              },
            ])
          )[0]
        const blocksFor = async (cartId: string) => names((await api.get(`/store/content-blocks?placement=cart-banner&cart_id=${cartId}`, guest)).data, byId)

        expect(await blocksFor((await cartWith(tent.id, "fr")).id)).toEqual(["French campers"])
        expect(await blocksFor((await cartWith(tent.id, "de")).id)).toEqual([])
        expect(await blocksFor((await cartWith(mug.id, "fr")).id)).toEqual(["Mugs"])
        // The same answer as the segments the store reports for that cart.
        const tentCart = await cartWith(tent.id, "fr")
        const current = await api.get(`/store/customer-segments/current?cart_id=${tentCart.id}`, guest)
        expect(current.data.customer_segments.map((s: { name: string }) => s.name).sort()).toEqual(["Campers", "Campers in France"])
      })

      it("answers JSON blocks parsed and Markdown as written", async () => {
        await block({ name: "Json", placement: "api", format: "json", content: '{"title":"Hi","items":[1,2]}', priority: 2 })
        await block({ name: "Md", placement: "api", format: "markdown", content: "# Hello\n\n**bold**", priority: 1 })
        const { data } = await api.get("/store/content-blocks?placement=api", guest)
        expect(data.content_blocks.map((b: { content: unknown }) => b.content)).toEqual([{ title: "Hi", items: [1, 2] }, "# Hello\n\n**bold**"])
      })

      it("refuses bad parameters naming the field", async () => {
        const cases: [string, RegExp][] = [
          ["/store/content-blocks", /placement/],
          ["/store/content-blocks?placement=Home%20Hero", /placement/],
          ["/store/content-blocks?placement=home-hero&limit=21", /limit/],
          ["/store/content-blocks?placement=home-hero&limit=0", /limit/],
          ["/store/content-blocks?placement=home-hero&limit=many", /limit/],
          ["/store/content-blocks?placement=home-hero&locale=klingon!", /locale/],
          ["/store/content-blocks?placement=home-hero&cart_id=a%20b", /cart_id/],
          ["/store/content-blocks?placement=home-hero&segment=vip", /segment/],
        ]
        for (const [url, field] of cases) {
          const error = await failure(api.get(url, guest))
          expect([url, error.status]).toEqual([url, 400])
          expect(error.data.message).toMatch(field)
        }
        const noKey = await failure(api.get("/store/content-blocks?placement=home-hero"))
        expect(noKey.status).toBe(400)
      })
    })

    describe("admin", () => {
      it("cleans HTML on save and refuses what is unsafe or malformed, naming the field", async () => {
        const created = await block({
          name: "Dirty",
          content: '<p onclick="steal()">Hi <a href="javascript:alert(1)">x</a> <a href="/sale" target="_blank">sale</a></p><script>alert(1)</script><img src="x" onerror="y">',
        })
        expect(created.content).toBe('<p>Hi <a>x</a> <a href="/sale" target="_blank" rel="noopener noreferrer">sale</a></p><img src="x" />')
        expect(created).toMatchObject({ format: "html", shopper_kind: "all", targeted: false, status: "active", schedule: "always" })

        const refusals: [Record<string, unknown>, RegExp][] = [
          [{ content: "<script>alert(1)</script>" }, /^content: the HTML is empty once cleaned/],
          [{ content: '<p onmouseover="x()"></p>' }, /^content:/],
          [{ format: "json", content: "{nope" }, /^content: must be valid JSON/],
          [{ format: "markdown", content: "   " }, /^content: must not be empty/],
          [{ image_url: "javascript:alert(1)" }, /image_url:/],
          [{ link_url: "//evil.example.com" }, /link_url:/],
          [{ placement: "Home Hero" }, /placement:/],
          [{ target_segment_ids: ["cseg_missing"] }, /target_segment_ids: no segment with id "cseg_missing"/],
          [{ target_group_ids: ["cusgroup_missing"] }, /target_group_ids:/],
          [{ starts_at: "2026-12-24T00:00:00Z", ends_at: "2026-12-01T00:00:00Z" }, /ends_at: must be after starts_at/],
          [{ starts_at: "tomorrow" }, /starts_at:/],
          [{ priority: 1.5 }, /priority/],
          [{ shopper_kind: "robots" }, /shopper_kind/],
          [{ color: "red" }, /color/],
        ]
        for (const [body, message] of refusals) {
          const error = await failure(api.post("/admin/content-blocks", { name: "Bad", placement: "home-hero", content: "<p>ok</p>", ...body }, admin))
          expect([body, error.status]).toEqual([body, 400])
          expect(error.data.message).toMatch(message)
        }

        // An update cleans again; a bad update changes nothing.
        const updated = await api.post(`/admin/content-blocks/${created.id}`, { content: '<h2 style="x">New</h2><iframe src="https://x"></iframe>' }, admin)
        expect(updated.data.content_block.content).toBe("<h2>New</h2>")
        const bad = await failure(api.post(`/admin/content-blocks/${created.id}`, { content: "<script></script>" }, admin))
        expect(bad.status).toBe(400)
        expect((await api.get(`/admin/content-blocks/${created.id}`, admin)).data.content_block.content).toBe("<h2>New</h2>")

        const deleted = await api.delete(`/admin/content-blocks/${created.id}`, admin)
        expect(deleted.data).toEqual({ id: created.id, object: "content_block", deleted: true })
        expect((await failure(api.get(`/admin/content-blocks/${created.id}`, admin))).status).toBe(404)
        expect((await api.get("/store/content-blocks?placement=home-hero", guest)).data.content_blocks).toEqual([])
      })

      it("restores a block when its update fails", async () => {
        const created = await block({ name: "Keep", priority: 3 })
        const workflow = updateContentBlockWorkflow(container)
        workflow.appendAction("throw", updateContentBlockStepId, {
          invoke: async () => {
            throw new Error("boom")
          },
        })
        const { errors } = await workflow.run({ input: { id: created.id, update: { name: "Changed", priority: 9 } }, throwOnError: false })
        expect(errors.length).toBeGreaterThan(0)
        expect((await api.get(`/admin/content-blocks/${created.id}`, admin)).data.content_block).toMatchObject({ name: "Keep", priority: 3 })
      })

      it("lists by placement, status, name, segment and order; counts placements; renders previews", async () => {
        const vip = await segment({ name: "VIP", kind: "static" })
        const a = await block({ name: "Alpha hero", priority: 5, target_segment_ids: [vip.id] })
        const b = await block({ name: "Beta hero", priority: 9, status: "inactive" })
        const c = await block({ name: "Gamma banner", placement: "cart-banner", exclude_segment_ids: [vip.id], ends_at: "2020-01-01" })
        const ids = (data: { content_blocks: { id: string }[] }) => data.content_blocks.map((x) => x.id)

        const all = await api.get("/admin/content-blocks", admin)
        expect(all.data).toMatchObject({ count: 3, offset: 0, limit: 20 })
        expect(ids(all.data)).toEqual([c.id, b.id, a.id])
        expect(all.data.content_blocks[0]).toMatchObject({ schedule: "ended", ends_at: "2020-01-01T00:00:00.000Z", targeted: true })
        expect(ids((await api.get("/admin/content-blocks?placement=home-hero&status=active", admin)).data)).toEqual([a.id])
        expect(ids((await api.get("/admin/content-blocks?q=hero&order=-name", admin)).data)).toEqual([b.id, a.id])
        expect(ids((await api.get(`/admin/content-blocks?segment_id=${vip.id}&order=name`, admin)).data)).toEqual([a.id, c.id])
        const unused = await segment({ name: "Unused", kind: "static" })
        expect((await api.get(`/admin/content-blocks?segment_id=${unused.id}`, admin)).data).toEqual({ content_blocks: [], count: 0, offset: 0, limit: 20 })
        const page = await api.get("/admin/content-blocks?order=priority&limit=1&offset=1", admin)
        expect(page.data).toMatchObject({ count: 3, offset: 1, limit: 1 })
        expect(ids(page.data)).toEqual([a.id])
        for (const [url, field] of [
          ["/admin/content-blocks?order=content", /order/],
          ["/admin/content-blocks?limit=500", /limit/],
          ["/admin/content-blocks?status=gone", /status/],
        ] as const) {
          const error = await failure(api.get(url, admin))
          expect(error.status).toBe(400)
          expect(error.data.message).toMatch(field)
        }

        const placements = await api.get("/admin/content-blocks/placements", admin)
        expect(placements.data.placements).toEqual([
          { placement: "cart-banner", count: 1, active: 1 },
          { placement: "home-hero", count: 2, active: 1 },
        ])

        const md = await api.post("/admin/content-blocks/render", { format: "markdown", content: "# Hi\n\n<script>x()</script>[a](javascript:x)" }, admin)
        expect(md.data.html).toContain("<h1>Hi</h1>")
        expect(md.data.html).not.toMatch(/<script|href="javascript/)
        const json = await api.post("/admin/content-blocks/render", { format: "json", content: '{"a":"<b>"}' }, admin)
        expect(json.data.html).toBe('<pre>{\n  &quot;a&quot;: &quot;&lt;b&gt;&quot;\n}</pre>')
        const badJson = await failure(api.post("/admin/content-blocks/render", { format: "json", content: "[" }, admin))
        expect(badJson.status).toBe(400)
        expect(badJson.data.message).toMatch(/^content:/)
      })

      it("previews what a customer or a guest cart gets, and why", async () => {
        const { customer, vip } = await vipCustomer()
        const vipBlock = await block({ name: "VIP", priority: 100, target_segment_ids: [vip.id] })
        const everybody = await block({ name: "Everybody", priority: 0 })
        const notVip = await block({ name: "Not VIP", priority: 50, exclude_segment_ids: [vip.id] })
        const off = await block({ name: "Off", status: "inactive" })
        const banner = await block({ name: "Guests", placement: "cart-banner", shopper_kind: "guest" })

        const asCustomer = await api.post("/admin/content-blocks/preview", { customer_id: customer.id }, admin)
        expect(asCustomer.data.shopper).toMatchObject({ kind: "registered", customer_id: customer.id, segments: [{ id: vip.id, name: "VIP" }], audience_ids: ["aud_test"] })
        expect(asCustomer.data.content_blocks.map((e: any) => [e.content_block.id, e.reason])).toEqual([
          [vipBlock.id, 'in segment "VIP"'],
          [everybody.id, "untargeted: shown to every shopper it allows"],
        ])
        const whyNot = Object.fromEntries(asCustomer.data.not_matched.map((e: any) => [e.content_block.id, e.reason]))
        expect(whyNot).toEqual({
          [banner.id]: "only for guests",
          [notVip.id]: 'excluded by segment "VIP"',
          [off.id]: "inactive",
        })
        expect(asCustomer.data.content_blocks[0].html).toBe("<p>VIP</p>")
        expect(asCustomer.data.content_blocks[0].checks.map((c: any) => c.check)).toEqual([
          "status", "schedule", "locale", "shopper_kind", "exclusion", "targeting", "limit",
        ])

        const [cart] = await container.resolve(Modules.CART).createCarts([{ currency_code: "eur" }])
        const asGuest = await api.post("/admin/content-blocks/preview", { cart_id: cart.id, placement: "home-hero", limit: 1 }, admin)
        expect(asGuest.data.shopper).toMatchObject({ kind: "guest", cart_id: cart.id, segments: [] })
        expect(asGuest.data.content_blocks.map((e: any) => e.content_block.id)).toEqual([notVip.id])
        expect(Object.fromEntries(asGuest.data.not_matched.map((e: any) => [e.content_block.id, e.reason]))).toEqual({
          [vipBlock.id]: "not targeted: in none of its segments, groups or audiences",
          [everybody.id]: "beyond the limit of 1",
          [off.id]: "inactive",
        })
        const missing = await failure(api.post("/admin/content-blocks/preview", { customer_id: "cus_missing" }, admin))
        expect(missing.status).toBe(404)
        expect(missing.data.message).toMatch(/^customer_id:/)
        const badBody = await failure(api.post("/admin/content-blocks/preview", { limit: 99 }, admin))
        expect(badBody.status).toBe(400)
        expect(badBody.data.message).toMatch(/limit/)
      })
    })

    describe("results", () => {
      it("counts impressions and clicks once per shopper, block, type and hour, overall and per targeted segment", async () => {
        const { customer, vip } = await vipCustomer()
        const vipBlock = await block({ name: "VIP", target_segment_ids: [vip.id] })
        const everybody = await block({ name: "Everybody" })
        const asCustomer = { headers: customer.headers }

        const first = await api.post(
          "/store/content-blocks/events",
          {
            events: [
              { block_id: vipBlock.id, type: "impression" },
              { block_id: vipBlock.id, type: "impression" },
              { block_id: vipBlock.id, type: "click" },
              { block_id: everybody.id, type: "impression" },
              { block_id: "cblock_gone", type: "click" },
            ],
          },
          asCustomer
        )
        expect(first.data).toEqual({ recorded: 3, duplicates: 1, unknown: 1 })
        const again = await api.post("/store/content-blocks/events", { events: [{ block_id: vipBlock.id, type: "impression" }] }, asCustomer)
        expect(again.data).toEqual({ recorded: 0, duplicates: 1, unknown: 0 })

        // Guests: by anonymous id, by cart, else by client.
        const anon = { events: [{ block_id: vipBlock.id, type: "impression" }], anonymous_id: "anon-12345678" }
        expect((await api.post("/store/content-blocks/events", anon, guest)).data).toEqual({ recorded: 1, duplicates: 0, unknown: 0 })
        expect((await api.post("/store/content-blocks/events", anon, guest)).data).toEqual({ recorded: 0, duplicates: 1, unknown: 0 })
        const [cart] = await container.resolve(Modules.CART).createCarts([{ currency_code: "eur" }])
        const byCart = { events: [{ block_id: vipBlock.id, type: "impression" }], cart_id: cart.id }
        expect((await api.post("/store/content-blocks/events", byCart, guest)).data.recorded).toBe(1)
        const client = { events: [{ block_id: vipBlock.id, type: "impression" }] }
        expect((await api.post("/store/content-blocks/events", client, guest)).data.recorded).toBe(1)
        expect((await api.post("/store/content-blocks/events", client, guest)).data.duplicates).toBe(1)

        const stats = await api.get(`/admin/content-blocks/${vipBlock.id}/stats`, admin)
        const today = new Date().toISOString().slice(0, 10)
        expect(stats.data.stats).toMatchObject({
          to: today,
          impressions: 4,
          clicks: 1,
          click_rate: 0.25,
          by_segment: [{ segment_id: vip.id, segment_name: "VIP", impressions: 1, clicks: 1, click_rate: 1 }],
        })
        expect(stats.data.stats.by_day).toHaveLength(30)
        expect(stats.data.stats.by_day[29]).toEqual({ date: today, impressions: 4, clicks: 1 })
        const other = await api.get(`/admin/content-blocks/${everybody.id}/stats?from=${today}&to=${today}`, admin)
        expect(other.data.stats).toMatchObject({ impressions: 1, clicks: 0, click_rate: 0, by_segment: [], by_day: [{ date: today, impressions: 1, clicks: 0 }] })

        // The dedup rows of past hours go; the counters stay.
        const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
        await knex.raw("UPDATE content_block_event SET hour = hour - interval '3 hours' WHERE shopper_key = ?", [`customer:${customer.id}`])
        const { result: pruned } = await pruneContentBlockEventsWorkflow(container).run({ input: { before: new Date(Date.now() - 2 * HOUR) } })
        expect(pruned).toBe(3)
        expect((await api.post("/store/content-blocks/events", { events: [{ block_id: vipBlock.id, type: "impression" }] }, asCustomer)).data.recorded).toBe(1)
        expect((await api.get(`/admin/content-blocks/${vipBlock.id}/stats`, admin)).data.stats.impressions).toBe(5)
      })

      it("refuses bad batches naming the field, and another shopper's cart", async () => {
        const b = await block({ name: "B" })
        const many = Array.from({ length: 101 }, () => ({ block_id: b.id, type: "impression" }))
        const refusals: [Record<string, unknown>, RegExp][] = [
          [{ events: [] }, /events/],
          [{ events: many }, /events/],
          [{ events: [{ block_id: b.id, type: "hover" }] }, /events(, 0, |\.)type/],
          [{ events: [{ block_id: "<b>", type: "click" }] }, /events(, 0, |\.)block_id/],
          [{ events: [{ block_id: b.id, type: "click" }], anonymous_id: "short" }, /anonymous_id/],
          [{ events: [{ block_id: b.id, type: "click" }], shopper: "x" }, /shopper/],
        ]
        for (const [body, message] of refusals) {
          const error = await failure(api.post("/store/content-blocks/events", body, guest))
          expect(error.status).toBe(400)
          expect(error.data.message).toMatch(message)
        }
        const ada = await registerCustomer(api as any, key, { email: "ada@example.com" })
        const [adasCart] = await container.resolve(Modules.CART).createCarts([{ currency_code: "eur", customer_id: ada.id }])
        const stranger = await failure(api.post("/store/content-blocks/events", { cart_id: adasCart.id, events: [{ block_id: b.id, type: "click" }] }, guest))
        expect(stranger.status).toBe(404)
        const badRange = await failure(api.get(`/admin/content-blocks/${b.id}/stats?from=2026-02-30`, admin))
        expect(badRange.status).toBe(400)
        expect(badRange.data.message).toMatch(/from/)
      })
    })
  },
})
