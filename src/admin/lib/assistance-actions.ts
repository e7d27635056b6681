/**
 * A logged assistance action in words: what the request did ("Added an item
 * to the cart") and what its ids are (cart, line item, address, order…),
 * with the admin page of those the dashboard has one for. No React here.
 */

/** Known store requests (method and route pattern) → the i18n key of their words. */
const ACTIONS: Readonly<Record<string, string>> = {
  "POST /store/carts": "createCart",
  "POST /store/carts/:id": "updateCart",
  "POST /store/carts/:id/line-items": "addItem",
  "POST /store/carts/:id/line-items/:line_id": "updateItem",
  "DELETE /store/carts/:id/line-items/:line_id": "removeItem",
  "POST /store/carts/:id/promotions": "addPromotion",
  "DELETE /store/carts/:id/promotions": "removePromotion",
  "POST /store/carts/:id/shipping-methods": "addShippingMethod",
  "POST /store/carts/:id/taxes": "calculateTaxes",
  "POST /store/carts/:id/complete": "completeCart",
  "POST /store/carts/:id/customer": "transferCart",
  "POST /store/customers/me": "updateProfile",
  "POST /store/customers/me/addresses": "addAddress",
  "POST /store/customers/me/addresses/:address_id": "updateAddress",
  "DELETE /store/customers/me/addresses/:address_id": "deleteAddress",
  "POST /store/payment-collections": "createPaymentCollection",
  "POST /store/payment-collections/:id/payment-sessions": "choosePayment",
}

/** The i18n key (under customerSuite.assistance.actions.what) of a request's words; null for one not listed. */
export const actionWordsKey = (method: string, route: string): string | null => ACTIONS[`${method.toUpperCase()} ${route}`] ?? null

export const ACTION_WORDS: readonly string[] = [...new Set(Object.values(ACTIONS))]

/** What an id is, by Medusa's id prefixes (then by the field's name), and its admin page when there is one. */
const KINDS: readonly { kind: string; prefix?: string; keys?: string[]; page?: (id: string) => string }[] = [
  { kind: "cart", prefix: "cart_", keys: ["cart_id"] },
  { kind: "lineItem", prefix: "cali_", keys: ["line_id", "line_item_id", "item_id"] },
  { kind: "address", prefix: "cuaddr_", keys: ["address_id"] },
  { kind: "order", prefix: "order_", keys: ["order_id"], page: (id) => `/orders/${id}` },
  { kind: "customer", prefix: "cus_", keys: ["customer_id"], page: (id) => `/customers/${id}` },
  { kind: "variant", prefix: "variant_", keys: ["variant_id"] },
  { kind: "product", prefix: "prod_", keys: ["product_id"], page: (id) => `/products/${id}` },
  { kind: "region", prefix: "reg_", keys: ["region_id"], page: (id) => `/settings/regions/${id}` },
  { kind: "shippingOption", prefix: "so_", keys: ["option_id", "shipping_option_id"] },
  { kind: "paymentCollection", prefix: "pay_col_", keys: ["payment_collection_id"] },
  { kind: "paymentProvider", prefix: "pp_", keys: ["provider_id"] },
  { kind: "promotion", prefix: "promo_", keys: ["promotion_id"], page: (id) => `/promotions/${id}` },
  { kind: "salesChannel", prefix: "sc_", keys: ["sales_channel_id"], page: (id) => `/settings/sales-channels/${id}` },
]

export const ID_KINDS: readonly string[] = [...KINDS.map((k) => k.kind), "other"]

export type NamedId = { key: string; id: string; kind: string; page?: string }

/** The ids of an action, each with what it is and its admin page (orders, customers, products…). */
export function namedIds(ids: Record<string, unknown> | null | undefined): NamedId[] {
  return Object.entries(ids ?? {}).flatMap(([key, value]) =>
    (Array.isArray(value) ? value : [value])
      .filter((v): v is string => typeof v === "string")
      .map((id) => {
        const known = KINDS.find((k) => k.prefix && id.startsWith(k.prefix)) ?? KINDS.find((k) => k.keys?.includes(key))
        return { key, id, kind: known?.kind ?? "other", ...(known?.page ? { page: known.page(id) } : {}) }
      })
  )
}
