import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, transform } from "@medusajs/framework/workflows-sdk"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { GROUP_PRICING_MODULE } from "../../src/modules/group_pricing"
import type GroupPricingModuleService from "../../src/modules/group_pricing/service"
import { syncGroupPriceRuleWorkflow } from "../../src/workflows/group-pricing"
import { createGroupPriceRuleStep, updateGroupPriceRuleStep, type GroupPriceRuleInput } from "../../src/workflows/group-pricing"
import { createAdminUser, type AuthHeaders } from "../helpers/admin"
import { checkout, createShop, type Shop } from "../helpers/shop"
import { registerCustomer } from "../helpers/store"
import { eventually } from "../helpers/wait"

jest.setTimeout(180_000)

const failAfterSync = createStep("customer-suite-test-fail-after-group-price-sync", async () => {
  throw new Error("a later step failed")
})
/** Create a rule and materialise it, then fail: the rule and its list must both go. */
const failingCreate = createWorkflow("customer-suite-test-failing-group-price-create", (input: GroupPriceRuleInput) => {
  const rule = createGroupPriceRuleStep(input)
  syncGroupPriceRuleWorkflow.runAsStep({ input: transform({ rule }, ({ rule }) => ({ rule_id: rule.id })) })
  failAfterSync()
})
/** Change a rule and its list's prices, then fail: the rule and the prices must be as before. */
const failingUpdate = createWorkflow("customer-suite-test-failing-group-price-update", (input: { id: string; data: GroupPriceRuleInput }) => {
  updateGroupPriceRuleStep(input)
  syncGroupPriceRuleWorkflow.runAsStep({ input: transform({ input }, ({ input }) => ({ rule_id: input.id })) })
  failAfterSync()
})

/**
 * Group pricing through real carts: rules materialised into Medusa price
 * lists, priced by Medusa's own engine when members add to their carts.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    describe("group pricing rules", () => {
      let admin: AuthHeaders
      let shop: Shop
      let book: Shop["products"][number]
      let lamp: Shop["products"][number]
      let wholesaleId: string
      let member: Record<string, string>
      let other: Record<string, string>

      beforeEach(async () => {
        const container = getContainer()
        admin = await createAdminUser(container)
        shop = await createShop(container, { products: [{ title: "Book", price: 100 }, { title: "Lamp", price: 200 }], taxProviderId: "tp_system" })
        ;[book, lamp] = shop.products
        const [group] = await container.resolve(Modules.CUSTOMER).createCustomerGroups([{ name: "Wholesale" }])
        wholesaleId = group.id
        const trade = await registerCustomer(api, shop.publishableKey, { email: "trade@example.com" })
        await container.resolve(Modules.CUSTOMER).addCustomerToGroup({ customer_id: trade.id, customer_group_id: group.id })
        member = trade.headers
        other = (await registerCustomer(api, shop.publishableKey, { email: "retail@example.com" })).headers
      })

      const failure = (promise: Promise<unknown>) =>
        promise.then(() => Promise.reject(new Error("expected a failure")), (e: any) => e.response)
      const createRule = async (body: Record<string, unknown>) =>
        (await api.post("/admin/group-price-rules", { customer_group_id: wholesaleId, ...body }, admin)).data.group_price_rule
      /** Unit prices a customer gets in a fresh cart, by product title. */
      const unitPrices = async (headers: Record<string, string>, quantity = 1) => {
        const { cart } = await checkout(api, shop, {
          lines: [
            { variantId: book.variantId, quantity },
            { variantId: lamp.variantId, quantity },
          ],
          headers,
        })
        return Object.fromEntries(cart.items.map((i: any) => [i.product_title, i.unit_price]))
      }
      const listPrices = async (priceListId: string) => {
        const prices = await getContainer().resolve(Modules.PRICING).listPrices({ price_list_id: [priceListId] } as any, { take: null })
        return prices.map((p: any) => [Number(p.amount), p.min_quantity === null ? null : Number(p.min_quantity)]).sort()
      }
      const wholesale15 = { name: "Wholesale: 15% off everything", adjustment_type: "percentage", percentage: 15, tiers: [{ min_quantity: 10, percentage: 25 }] }

      it("gives members the group price in the cart, and the tier price at quantity; others pay the base price", async () => {
        const rule = await createRule(wholesale15)
        expect(rule.price_list_id).toMatch(/^plist_/)
        expect(rule.sync_summary).toMatchObject({ variants: 2, prices: 4, created: 4 })

        const { data } = await api.get(`/admin/price-lists/${rule.price_list_id}`, admin)
        expect(data.price_list).toMatchObject({
          status: "active",
          type: "sale",
          rules: { "customer.groups.id": [wholesaleId] },
          metadata: { managed_by: "medusa-customer-suite", group_price_rule_id: rule.id },
        })

        expect(await unitPrices(member)).toEqual({ Book: 85, Lamp: 170 })
        expect(await unitPrices(member, 10)).toEqual({ Book: 75, Lamp: 150 })
        expect(await unitPrices(other)).toEqual({ Book: 100, Lamp: 200 })
        expect(await unitPrices(other, 10)).toEqual({ Book: 100, Lamp: 200 })
      })

      it("follows a product's price change, and resyncs a hand-edited list back to the rule (twice: no writes)", async () => {
        const rule = await createRule(wholesale15)
        await api.post(`/admin/products/${book.id}/variants/${book.variantId}`, { prices: [{ currency_code: "eur", amount: 120 }] }, admin)
        await eventually(async () => expect(await listPrices(rule.price_list_id)).toEqual([[102, null], [150, 10], [170, null], [90, 10]].sort()))
        expect(await unitPrices(member)).toEqual({ Book: 102, Lamp: 170 })

        // Someone edits the managed list by hand: a price removed, one changed.
        const pricing = getContainer().resolve(Modules.PRICING)
        const prices = await pricing.listPrices({ price_list_id: [rule.price_list_id] } as any, { take: null })
        await pricing.softDeletePrices([prices.find((p: any) => Number(p.amount) === 102)!.id])
        await pricing.updatePriceListPrices([
          { price_list_id: rule.price_list_id, prices: [{ id: prices.find((p: any) => Number(p.amount) === 170)!.id, price_set_id: (prices.find((p: any) => Number(p.amount) === 170) as any).price_set_id, currency_code: "eur", amount: 1 }] },
        ] as any)
        const resynced = (await api.post(`/admin/group-price-rules/${rule.id}/resync`, {}, admin)).data.group_price_rule
        expect(resynced.sync_summary).toMatchObject({ created: 1, updated: 1, deleted: 0 })
        expect(await listPrices(rule.price_list_id)).toEqual([[102, null], [150, 10], [170, null], [90, 10]].sort())
        const again = (await api.post(`/admin/group-price-rules/${rule.id}/resync`, {}, admin)).data.group_price_rule
        expect(again.sync_summary).toMatchObject({ created: 0, updated: 0, deleted: 0 })
      })

      it("removes the prices of a rule that ends or is turned off, and brings them back when it is on again", async () => {
        const rule = await createRule(wholesale15)
        const ended = (await api.post(`/admin/group-price-rules/${rule.id}`, { ends_at: new Date(Date.now() - 1000).toISOString() }, admin)).data
          .group_price_rule
        expect(ended.price_list_id).toBeNull()
        expect((await getContainer().resolve(Modules.PRICING).listPriceLists({ id: [rule.price_list_id] })).length).toBe(0)
        expect(await unitPrices(member)).toEqual({ Book: 100, Lamp: 200 })

        const back = (await api.post(`/admin/group-price-rules/${rule.id}`, { ends_at: null }, admin)).data.group_price_rule
        expect(await unitPrices(member)).toEqual({ Book: 85, Lamp: 170 })
        const off = (await api.post(`/admin/group-price-rules/${rule.id}`, { status: "inactive" }, admin)).data.group_price_rule
        expect([back.price_list_id !== null, off.price_list_id]).toEqual([true, null])
        expect(await unitPrices(member)).toEqual({ Book: 100, Lamp: 200 })
      })

      it("gives each variant to the group's highest-priority rule, and hands it back when that rule goes", async () => {
        const everything = await createRule({ name: "10% off", adjustment_type: "percentage", percentage: 10 })
        const books = await createRule({
          name: "Books at 50",
          adjustment_type: "fixed_price",
          amounts: { eur: 50 },
          scope_type: "products",
          scope_ids: [book.id],
          priority: 10,
        })
        expect(await unitPrices(member)).toEqual({ Book: 50, Lamp: 180 })
        expect(await listPrices(books.price_list_id)).toEqual([[50, null]])
        // The group's other rules follow in the background (group_price_rule.created → resync).
        await eventually(async () => {
          const { data } = await api.get(`/admin/group-price-rules/${everything.id}`, admin)
          expect(data.group_price_rule.sync_summary).toMatchObject({ variants: 1 })
          expect(await listPrices(data.group_price_rule.price_list_id)).toEqual([[180, null]])
        })

        await api.delete(`/admin/group-price-rules/${books.id}`, admin)
        await eventually(async () => {
          // The resync ends by recording what it wrote: both variants are the remaining rule's again.
          const { data } = await api.get(`/admin/group-price-rules/${everything.id}`, admin)
          expect(data.group_price_rule.sync_summary).toMatchObject({ variants: 2 })
        })
        expect(await unitPrices(member)).toEqual({ Book: 90, Lamp: 180 })
        const listed = (await api.get(`/admin/group-price-rules?customer_group_id=${wholesaleId}`, admin)).data
        expect(listed.group_price_rules.map((r: any) => r.name)).toEqual(["10% off"])
      })

      it("rolls back: a failed create leaves no rule and no list; a failed update leaves the rule and its prices", async () => {
        const container = getContainer()
        const { errors } = await failingCreate(container).run({
          input: { name: "Doomed", customer_group_id: wholesaleId, adjustment_type: "percentage", percentage: 20, scope_type: "all" },
          throwOnError: false,
        })
        expect(errors[0]?.error?.message).toBe("a later step failed")
        expect(await container.resolve<GroupPricingModuleService>(GROUP_PRICING_MODULE).listGroupPriceRules({})).toEqual([])
        expect(await container.resolve(Modules.PRICING).listPriceLists({})).toEqual([])

        const rule = await createRule(wholesale15)
        const update = await failingUpdate(container).run({ input: { id: rule.id, data: { percentage: 30, tiers: null } }, throwOnError: false })
        expect(update.errors[0]?.error?.message).toBe("a later step failed")
        const { data } = await api.get(`/admin/group-price-rules/${rule.id}`, admin)
        expect(data.group_price_rule).toMatchObject({ percentage: 15, tiers: [{ min_quantity: 10, percentage: 25 }], price_list_id: rule.price_list_id })
        expect(await listPrices(rule.price_list_id)).toEqual([[150, 10], [170, null], [75, 10], [85, null]].sort())
      })

      it("refuses bad rules with a 400 naming the field, storing nothing", async () => {
        const bad = async (body: Record<string, unknown>) => {
          const response = await failure(api.post("/admin/group-price-rules", { customer_group_id: wholesaleId, name: "x", adjustment_type: "percentage", percentage: 10, ...body }, admin))
          expect(response.status).toBe(400)
          return response.data.message as string
        }
        expect(await bad({ customer_group_id: "cusgroup_nope" })).toBe('customer_group_id: no customer group with the id "cusgroup_nope"')
        expect(await bad({ percentage: 150 })).toMatch(/percentage: must be a percentage above 0, up to 100/)
        expect(await bad({ percentage: undefined })).toMatch(/^percentage: required/)
        expect(await bad({ adjustment_type: "fixed_off", percentage: undefined })).toMatch(/^amounts: required for a fixed_off adjustment/)
        expect(await bad({ adjustment_type: "fixed_off", percentage: undefined, amounts: { EUR: 5 } })).toMatch(/amounts: "EUR" is not a lower-case ISO 4217/)
        expect(await bad({ scope_type: "products", scope_ids: [book.id, "prod_missing"] })).toBe('scope_ids: no product with the id "prod_missing"')
        expect(await bad({ scope_type: "collections" })).toMatch(/^scope_ids: list the collections/)
        expect(await bad({ tiers: [{ min_quantity: 10, percentage: 20 }, { min_quantity: 5, percentage: 30 }] })).toMatch(/tiers\.1\.min_quantity: must be above 10/)
        expect(await bad({ tiers: [{ min_quantity: 10, percentage: 5 }] })).toMatch(/tiers\.0\.percentage: must be at least 10/)
        expect(await bad({ tiers: [{ min_quantity: 5, percentage: 20 }, { min_quantity: 10, percentage: 120 }] })).toMatch(
          /tiers\.1\.percentage: must be a percentage above 0, up to 100/
        )
        expect(await bad({ tiers: [{ min_quantity: 1.5, percentage: 20 }] })).toMatch(/tiers\.0\.min_quantity: must be a whole number from 2/)
        expect(await bad({ starts_at: "2027-01-02T00:00:00Z", ends_at: "2027-01-01T00:00:00Z" })).toBe("ends_at: must be after starts_at")
        expect(await bad({ starts_at: "someday" })).toMatch(/starts_at: must be an ISO 8601 date-time/)
        expect(await bad({ discount: 5 })).toMatch(/discount/)
        expect((await api.get("/admin/group-price-rules", admin)).data.count).toBe(0)
        expect(await getContainer().resolve(Modules.PRICING).listPriceLists({})).toEqual([])

        // An update is checked against the stored rule: a fixed_off without amounts is refused, the rule kept.
        const rule = await createRule(wholesale15)
        const update = await failure(api.post(`/admin/group-price-rules/${rule.id}`, { adjustment_type: "fixed_off" }, admin))
        expect([update.status, update.data.message]).toEqual([400, expect.stringMatching(/^amounts: required/)])
        expect((await api.get(`/admin/group-price-rules/${rule.id}`, admin)).data.group_price_rule.adjustment_type).toBe("percentage")
      })

      it("previews base, group and tier prices, for a saved rule and for an unsaved one", async () => {
        const rule = await createRule(wholesale15)
        const saved = (await api.get(`/admin/group-price-rules/${rule.id}/preview?limit=5`, admin)).data.preview
        expect(saved.variants).toBe(2)
        expect(saved.rows.map((r: any) => [r.product_title, r.prices])).toEqual([
          ["Book", [{ currency_code: "eur", rules: {}, base: 100, group: 85, tiers: [{ min_quantity: 10, amount: 75 }] }]],
          ["Lamp", [{ currency_code: "eur", rules: {}, base: 200, group: 170, tiers: [{ min_quantity: 10, amount: 150 }] }]],
        ])
        const incomplete = await failure(api.post("/admin/group-price-rules/preview", { adjustment_type: "percentage", tiers: [{ min_quantity: 5 }] }, admin))
        expect([incomplete.status, incomplete.data.message]).toEqual([400, expect.stringMatching(/percentage: required/)])
        expect(incomplete.data.message).toMatch(/tiers\.0: give a percentage/)
        // Searching "%" finds names containing a percent sign, not everything.
        await createRule({ name: "Ten off", adjustment_type: "fixed_off", amounts: { eur: 10 }, scope_type: "products", scope_ids: [lamp.id], priority: 5 })
        expect((await api.get(`/admin/group-price-rules?q=${encodeURIComponent("%")}`, admin)).data.group_price_rules.map((r: any) => r.name)).toEqual([
          "Wholesale: 15% off everything",
        ])
        const unsaved = (
          await api.post("/admin/group-price-rules/preview", { adjustment_type: "fixed_off", amounts: { eur: 30 }, scope_type: "products", scope_ids: [lamp.id] }, admin)
        ).data.preview
        expect(unsaved.rows.map((r: any) => [r.product_title, r.prices[0].base, r.prices[0].group])).toEqual([["Lamp", 200, 170]])
        // The Lamp went to the higher-priority rule: the first rule's list follows in the background.
        await eventually(async () => {
          const { data } = await api.get(`/admin/group-price-rules/${rule.id}`, admin)
          expect(data.group_price_rule.sync_summary).toMatchObject({ variants: 1 })
        })
        expect(await listPrices(rule.price_list_id)).toEqual([[75, 10], [85, null]].sort())
      })

      it("deletes a deleted group's rules and their price lists", async () => {
        const rule = await createRule(wholesale15)
        await api.delete(`/admin/customer-groups/${wholesaleId}`, admin)
        await eventually(async () => expect((await api.get("/admin/group-price-rules", admin)).data.count).toBe(0))
        // The rule goes first, its list with the sync that follows in the same workflow.
        const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
        await eventually(async () => {
          const { data } = await query.graph({ entity: "price_list", fields: ["id"], filters: { id: rule.price_list_id } })
          expect(data).toEqual([])
        })
      })
    })
  },
})
