import {
  createApiKeysWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  createTaxRegionsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
} from "@medusajs/core-flows"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"

/** The tax-class provider's id in the dev store's medusa-config.ts. */
export const TAX_CLASS_PROVIDER_ID = "tp_tax-class_default"

export type Shop = {
  publishableKey: string
  salesChannelId: string
  regionId: string
  shippingOptionId: string
  /** Product id → its one variant's id; every variant costs `price` EUR (cents-free units). */
  variants: Record<string, string>
  products: { id: string; title: string; variantId: string }[]
}

/**
 * A store that can take real carts to completion: a sales channel and key, an
 * EUR region (DE, FR) with the system payment provider, tax regions for DE
 * (19 %) and FR (20 %) computed by `taxProviderId`, a stock location with a
 * flat 10 EUR shipping option, and products with one untracked variant each.
 * Create it in beforeEach (the database is restored before every test).
 */
export async function createShop(
  container: MedusaContainer,
  opts: { products: { title: string; price: number }[]; taxProviderId?: string }
): Promise<Shop> {
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const [channel] = (await createSalesChannelsWorkflow(container).run({ input: { salesChannelsData: [{ name: "Web" }] } })).result
  const [key] = (
    await createApiKeysWorkflow(container).run({ input: { api_keys: [{ title: "Storefront", type: "publishable", created_by: "test" }] } })
  ).result
  await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: key.id, add: [channel.id] } })

  const [region] = (
    await createRegionsWorkflow(container).run({
      input: { regions: [{ name: "Europe", currency_code: "eur", countries: ["de", "fr"], payment_providers: ["pp_system_default"], automatic_taxes: true }] },
    })
  ).result
  await createTaxRegionsWorkflow(container).run({
    input: [
      { country_code: "de", provider_id: opts.taxProviderId ?? TAX_CLASS_PROVIDER_ID, default_tax_rate: { rate: 19, code: "DE-VAT", name: "DE VAT" } },
      { country_code: "fr", provider_id: opts.taxProviderId ?? TAX_CLASS_PROVIDER_ID, default_tax_rate: { rate: 20, code: "FR-VAT", name: "FR VAT" } },
    ],
  })

  const [location] = (await createStockLocationsWorkflow(container).run({ input: { locations: [{ name: "Warehouse" }] } })).result
  await linkSalesChannelsToStockLocationWorkflow(container).run({ input: { id: location.id, add: [channel.id] } })
  const [profile] = (await createShippingProfilesWorkflow(container).run({ input: { data: [{ name: "Default", type: "default" }] } })).result
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  const set = await fulfillment.createFulfillmentSets({
    name: "Warehouse shipping",
    type: "shipping",
    service_zones: [{ name: "Europe", geo_zones: [{ type: "country", country_code: "de" }, { type: "country", country_code: "fr" }] }],
  })
  const locationRef = { [Modules.STOCK_LOCATION]: { stock_location_id: location.id } }
  await link.create([
    { ...locationRef, [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" } },
    { ...locationRef, [Modules.FULFILLMENT]: { fulfillment_set_id: set.id } },
  ])
  const [option] = (
    await createShippingOptionsWorkflow(container).run({
      input: [
        {
          name: "Standard",
          price_type: "flat",
          provider_id: "manual_manual",
          service_zone_id: set.service_zones[0].id,
          shipping_profile_id: profile.id,
          type: { label: "Standard", description: "2-3 days", code: "standard" },
          prices: [{ currency_code: "eur", amount: 10 }],
          rules: [
            { attribute: "enabled_in_store", value: "true", operator: "eq" },
            { attribute: "is_return", value: "false", operator: "eq" },
          ],
        },
      ],
    })
  ).result

  const created = (
    await createProductsWorkflow(container).run({
      input: {
        products: opts.products.map((p) => ({
          title: p.title,
          status: "published" as const,
          shipping_profile_id: profile.id,
          sales_channels: [{ id: channel.id }],
          options: [{ title: "Size", values: ["One"] }],
          variants: [{ title: "One", manage_inventory: false, options: { Size: "One" }, prices: [{ currency_code: "eur", amount: p.price }] }],
        })),
      },
    })
  ).result
  const products = created.map((p) => ({ id: p.id, title: p.title, variantId: p.variants[0].id }))
  return {
    publishableKey: key.token,
    salesChannelId: channel.id,
    regionId: region.id,
    shippingOptionId: option.id,
    variants: Object.fromEntries(products.map((p) => [p.id, p.variantId])),
    products,
  }
}

type Api = {
  get: (url: string, config?: { headers: Record<string, string> }) => Promise<{ data: any }>
  post: (url: string, body?: unknown, config?: { headers: Record<string, string> }) => Promise<{ data: any }>
}

/**
 * A storefront checkout over the store API: cart (for a signed-in customer
 * when `headers` carry their token), lines, a DE or FR address, shipping,
 * the system payment session; `complete` places the order.
 */
export async function checkout(
  api: Api,
  shop: Shop,
  opts: {
    lines: { variantId: string; quantity: number }[]
    headers?: Record<string, string>
    email?: string
    country?: "de" | "fr"
    complete?: boolean
  }
): Promise<{ cart: any; order?: any }> {
  const headers = { ...(opts.headers ?? {}), "x-publishable-api-key": shop.publishableKey }
  const address = { first_name: "Test", last_name: "Buyer", address_1: "Hauptstr. 1", city: "Berlin", postal_code: "10115", country_code: opts.country ?? "de" }
  let { cart } = (
    await api.post(
      "/store/carts",
      { region_id: shop.regionId, sales_channel_id: shop.salesChannelId, shipping_address: address, ...(opts.email ? { email: opts.email } : {}) },
      { headers }
    )
  ).data
  for (const line of opts.lines) {
    cart = (await api.post(`/store/carts/${cart.id}/line-items`, { variant_id: line.variantId, quantity: line.quantity }, { headers })).data.cart
  }
  cart = (await api.post(`/store/carts/${cart.id}/shipping-methods`, { option_id: shop.shippingOptionId }, { headers })).data.cart
  if (!opts.complete) {
    return { cart }
  }
  const { payment_collection } = (await api.post("/store/payment-collections", { cart_id: cart.id }, { headers })).data
  await api.post(`/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, { headers })
  const completed = (await api.post(`/store/carts/${cart.id}/complete`, {}, { headers })).data
  if (completed.type !== "order") {
    throw new Error(`cart did not complete: ${JSON.stringify(completed.error ?? completed)}`)
  }
  return { cart, order: completed.order }
}
