/**
 * Where a GET /store/content-blocks request spends its time (figures, not a
 * test): each part of the resolution timed on its own (100 calls after 20, medians) against the benchmark's
 * store, next to the query behind GET /store/regions.
 *   DATABASE_URL=…/mcs_bench_personalization BENCH_PERSONALIZATION_OUT=<setup json> npx medusa exec ./bench/personalization/profile.ts
 */
import fs from "node:fs"
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { cartFacts, cartGuestFacts, customerFacts, loadCart, readCart } from "../../src/api/store/customer-segments/helpers"
import { CUSTOMER_SEGMENT_MODULE } from "../../src/modules/customer_segment"
import type CustomerSegmentModuleService from "../../src/modules/customer_segment/service"
import { PERSONALIZATION_MODULE } from "../../src/modules/personalization"
import type PersonalizationModuleService from "../../src/modules/personalization/service"

export default async function profile({ container }: ExecArgs) {
  const shop = JSON.parse(fs.readFileSync(process.env.BENCH_PERSONALIZATION_OUT!, "utf8"))
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const segments = container.resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE)
  const personalization = container.resolve<PersonalizationModuleService>(PERSONALIZATION_MODULE)
  const cart = await loadCart(container, shop.cart_id)
  const row = (await readCart(container, shop.cart_id))!
  // What GET /store/content-blocks?placement=home-hero asks about: the segments its candidates target or exclude.
  const candidates = await personalization.listLiveContentBlocks({ placement: "home-hero", locales: [], now: new Date(), take: 500 })
  const only = [...new Set(candidates.flatMap((b) => [...b.target_segment_ids, ...b.exclude_segment_ids]))]
  const parts: Record<string, () => Promise<unknown>> = {
    "regions graph": () => query.graph({ entity: "region", fields: ["id", "name", "currency_code", "countries.*"] }),
    "cart owner (listCarts)": () => container.resolve(Modules.CART).listCarts({ id: shop.cart_id }, { select: ["id", "customer_id"], take: 1 }),
    "full cart (loadCart)": () => loadCart(container, shop.cart_id),
    "cart module: cart with items and address": () => container.resolve(Modules.CART).retrieveCart(shop.cart_id, { select: ["id", "items.id", "items.product_id", "shipping_address.city"], relations: ["items", "shipping_address"] }),
    "product module: products with categories": () => container.resolve(Modules.PRODUCT).listProducts({ id: cart.facts.items.map((i) => i.product_id) }, { select: ["id", "collection_id", "type_id", "categories.id"], relations: ["categories"] }),
    "cart row for rules and owner (readCart: cart, address, lines)": () => readCart(container, shop.cart_id),
    "cart facts without products": () => cartFacts(container, row, { products: false }),
    "cart facts with products (product module)": () => cartFacts(container, row, { products: true }),
    "live blocks query": () => personalization.listLiveContentBlocks({ placement: "home-hero", locales: [], now: new Date(), take: 500 }),
    "matchShopper guest+cart": () => segments.matchShopper({ customer_id: null, facts: cartGuestFacts(cart.row), cart: cart.facts, has_account: false }),
    "matchShopper guest, candidates' segments, cart loaded on demand": () =>
      segments.matchShopper({ customer_id: null, facts: cartGuestFacts(row), cart: (needs) => cartFacts(container, row, needs), has_account: false, only }),
    "matchShopper customer, candidates' segments": () =>
      segments.matchShopper({ customer_id: shop.customer_id, facts: customerFacts(container, shop.customer_id), cart: null, has_account: true, only }),
    "customerFacts": () => customerFacts(container, shop.customer_id),
    "audiences": () => personalization.listCustomerAudienceIds(shop.customer_id),
  }
  for (const [name, fn] of Object.entries(parts)) {
    for (let i = 0; i < 20; i++) await fn()
    const times: number[] = []
    for (let i = 0; i < 100; i++) {
      const t = process.hrtime.bigint()
      await fn()
      times.push(Number(process.hrtime.bigint() - t) / 1e6)
    }
    times.sort((a, b) => a - b)
    process.stdout.write(`${name}: median ${times[50].toFixed(2)} ms\n`)
  }
}
