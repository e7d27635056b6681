/**
 * The personalization benchmark's store (run by run.mjs through `medusa exec`,
 * in its own database): the integration tests' shop fixture (EUR region, 20
 * products), 50 active segments (40 dynamic rules over the customer's facts,
 * 10 guest rules over the cart), one customer group "Wholesale", 200 content
 * blocks over 10 placements (20 each: untargeted, by segment, by group, by
 * audience, by shopper kind, with exclusions, some scheduled, some for one
 * locale), a registered customer bench@bench.test (in the group, an
 * audience and some segments) and a guest cart worth 120 EUR. Writes the ids
 * the driver needs to the file named by BENCH_PERSONALIZATION_OUT.
 */
import fs from "node:fs"
import { createCustomerAccountWorkflow } from "@medusajs/medusa/core-flows"
import type { ExecArgs } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createShop } from "../../integration-tests/helpers/shop"
import { CUSTOMER_SEGMENT_MODULE } from "../../src/modules/customer_segment"
import type CustomerSegmentModuleService from "../../src/modules/customer_segment/service"
import { PERSONALIZATION_MODULE } from "../../src/modules/personalization"
import type PersonalizationModuleService from "../../src/modules/personalization/service"
import { createContentBlocksWorkflow, type ContentBlockInput } from "../../src/workflows/content-blocks"
import { createCustomerSegmentsWorkflow, refreshCustomerSegmentWorkflow, syncCustomerFactsWorkflow } from "../../src/workflows/customer-segments"

export const PASSWORD = "bench-password-1"
const PLACEMENTS = ["home-hero", "home-banner", "cart-banner", "pdp-aside", "plp-top", "footer", "checkout", "account", "search", "menu"]

export default async function setup({ container }: ExecArgs) {
  const shop = await createShop(container, {
    products: Array.from({ length: 20 }, (_, i) => ({ title: `Bench product ${String(i + 1).padStart(2, "0")}`, price: 10 + i * 5 })),
  })
  const customers = container.resolve(Modules.CUSTOMER)
  const [group] = await customers.createCustomerGroups([{ name: "Wholesale" }])

  const auth = container.resolve(Modules.AUTH)
  const email = "bench@bench.test"
  const { authIdentity, error } = await auth.register("emailpass", { body: { email, password: PASSWORD } } as any)
  if (error || !authIdentity) {
    throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `register ${email}: ${error}`)
  }
  const { result: customer } = await createCustomerAccountWorkflow(container).run({
    input: { authIdentityId: authIdentity.id, customerData: { email, first_name: "Bench" } },
  })
  await customers.addCustomerToGroup({ customer_id: customer.id, customer_group_id: group.id })
  await container.resolve<PersonalizationModuleService>(PERSONALIZATION_MODULE).createAudienceMembers([{ audience_id: "aud_bench_1", customer_id: customer.id }])
  await syncCustomerFactsWorkflow(container).run({ input: { customer_ids: [customer.id] } })

  // 40 rules over facts (a quarter hold for the bench customer: has_account, their email domain, their group), 10 over the cart.
  const rules = [
    ...Array.from({ length: 40 }, (_, i) => ({
      name: `Bench segment ${String(i + 1).padStart(2, "0")}`,
      applies_to: "both" as const,
      query:
        i % 4 === 0
          ? `has_account = true AND number_of_orders >= 0`
          : i % 4 === 1
            ? `amount_spent >= ${100 + i * 10} EUR`
            : i % 4 === 2
              ? `countries CONTAINS '${["fr", "it", "es", "nl"][i % 4]}' AND number_of_orders > ${i % 3}`
              : `email CONTAINS '@example-${i}.com' OR last_order_date > -${i + 1}d`,
    })),
    ...Array.from({ length: 10 }, (_, i) => ({
      name: `Bench guest cart ${String(i + 1).padStart(2, "0")}`,
      applies_to: "guests" as const,
      query: `cart_subtotal > ${50 + i * 20} EUR`,
    })),
  ]
  const segments = container.resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE)
  const created: string[] = []
  for (const rule of rules) {
    const { result } = await createCustomerSegmentsWorkflow(container).run({ input: { segments: [rule] } })
    created.push(result[0].id)
  }
  for (const segment_id of created) {
    await refreshCustomerSegmentWorkflow(container).run({ input: { segment_id, trigger: "saved" } })
  }
  const memberOf = await segments.listCustomerSegmentIds(customer.id)

  const now = Date.now()
  const blocks: ContentBlockInput[] = []
  for (let i = 0; i < 200; i++) {
    const placement = PLACEMENTS[i % PLACEMENTS.length]
    // Every placement gets each kind twice (i and i + 100).
    const kind = Math.floor(i / PLACEMENTS.length) % 10
    const seg = (k: number) => created[(i * 7 + k * 13) % created.length]
    const block: ContentBlockInput = {
      name: `Bench block ${String(i + 1).padStart(3, "0")}`,
      placement,
      priority: (i * 37) % 100,
      content: `<h2>Block ${i + 1}</h2><p>Some <strong>text</strong> for ${placement}.</p>`,
      link_url: "/",
    }
    if (kind === 0) {
      // untargeted
    } else if (kind <= 4) {
      block.target_segment_ids = [seg(1), seg(2)].filter((v, k, a) => a.indexOf(v) === k)
    } else if (kind === 5) {
      block.target_group_ids = [group.id]
    } else if (kind === 6) {
      block.target_audience_ids = ["aud_bench_1"]
    } else if (kind === 7) {
      block.shopper_kind = "guest"
      block.target_segment_ids = [created[40 + (i % 10)]]
    } else if (kind === 8) {
      block.exclude_segment_ids = [seg(3)]
    } else {
      block.shopper_kind = "registered"
      block.locale = i % 20 === 9 ? "de" : null
      block.starts_at = new Date(now - 86_400_000)
      block.ends_at = new Date(now + 30 * 86_400_000)
    }
    blocks.push(block)
  }
  await createContentBlocksWorkflow(container).run({ input: { content_blocks: blocks } })

  const [cart] = await container.resolve(Modules.CART).createCarts([
    {
      currency_code: "eur",
      region_id: shop.regionId,
      sales_channel_id: shop.salesChannelId,
      email: "guest@bench.test",
      items: [{ title: shop.products[2].title, product_id: shop.products[2].id, variant_id: shop.products[2].variantId, quantity: 4, unit_price: 30 }],
    },
  ])

  fs.writeFileSync(
    process.env.BENCH_PERSONALIZATION_OUT ?? "bench-personalization-setup.json",
    JSON.stringify(
      { publishableKey: shop.publishableKey, password: PASSWORD, email, customer_id: customer.id, cart_id: cart.id, segments: created.length, customer_segments: memberOf.length, blocks: blocks.length },
      null,
      2
    )
  )
}
