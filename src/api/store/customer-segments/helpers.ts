import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN, MedusaError, Modules } from "@medusajs/framework/utils"
import { CUSTOMER_SEGMENT_MODULE } from "../../../modules/customer_segment"
import { guestFacts, type CartFacts, type CustomerFacts } from "../../../modules/customer_segment/rules"
import type CustomerSegmentModuleService from "../../../modules/customer_segment/service"
import type { CartNeeds } from "../../../modules/customer_segment/sql/shoppers"
import type { StoreCustomerSegment } from "../../../types/http"

type CartRow = {
  id: string
  customer_id: string | null
  email: string | null
  currency_code: string
  updated_at: string | Date
  shipping_address?: { country_code: string | null; province: string | null; city: string | null } | null
  items?: { product_id: string | null; quantity: unknown; unit_price: unknown; updated_at: string | Date }[]
}

type ProductRow = { id: string; collection_id: string | null; type_id: string | null; categories?: { id: string }[] | null }

/** What the store shows about a segment: enough to pick content, nothing about the rule. */
export const STORE_SEGMENT_FIELDS = ["id", "name"]

/**
 * A cart's row for rule facts and its owner check (null when there is no
 * such cart): its owner, email, currency and shipping address, and its lines
 * (not their products), read through the cart module as two reads at once
 * (half the time of one query.graph of the cart with its items).
 */
export async function readCart(container: MedusaContainer, cartId: string): Promise<CartRow | null> {
  const cartModule = container.resolve(Modules.CART)
  const [[cart], items] = await Promise.all([
    cartModule.listCarts(
      { id: cartId },
      {
        select: ["id", "customer_id", "email", "currency_code", "updated_at", "shipping_address.country_code", "shipping_address.province", "shipping_address.city"],
        relations: ["shipping_address"],
        take: 1,
      }
    ),
    cartModule.listLineItems({ cart_id: cartId }, { select: ["id", "product_id", "quantity", "unit_price", "updated_at"], take: null }),
  ])
  return cart ? ({ ...cart, items } as unknown as CartRow) : null
}

/**
 * A cart as rule facts (subtotal = sum of unit price × quantity, in the
 * cart's currency). The lines' collections, categories and types come from
 * the product module, read only with `products` (a rule filtering cart
 * products by them); without it they are left empty.
 */
export async function cartFacts(container: MedusaContainer, row: CartRow, needs: CartNeeds = { products: true }): Promise<CartFacts> {
  const items = (row.items ?? []).filter((i) => i.product_id)
  const productIds = [...new Set(items.map((i) => i.product_id!))]
  const products = new Map<string, ProductRow>()
  if (needs.products && productIds.length) {
    const rows = (await container.resolve(Modules.PRODUCT).listProducts(
      { id: productIds },
      { select: ["id", "collection_id", "type_id", "categories.id"], relations: ["categories"], take: productIds.length }
    )) as unknown as ProductRow[]
    rows.forEach((p) => products.set(p.id, p))
  }
  return {
    currency_code: row.currency_code.toLowerCase(),
    subtotal: items.reduce(
      (sum, i) => sum + MathBN.convert(MathBN.mult(i.unit_price as number, i.quantity as number)).toNumber(),
      0
    ),
    items: items.map((i) => {
      const product = products.get(i.product_id!)
      return {
        product_id: i.product_id!,
        collection_id: product?.collection_id ?? null,
        category_ids: (product?.categories ?? []).map((c) => c.id),
        type_id: product?.type_id ?? null,
        quantity: MathBN.convert(i.quantity as number).toNumber(),
      }
    }),
    // Its last activity: its own update or an item's (abandoned_cart_date).
    updated_at: new Date(Math.max(new Date(row.updated_at).getTime(), ...(row.items ?? []).map((i) => new Date(i.updated_at).getTime()))),
  }
}

/** A cart as rule facts, products included (404 when there is no such cart). */
export async function loadCart(container: MedusaContainer, cartId: string): Promise<{ row: CartRow; facts: CartFacts }> {
  const row = await readCart(container, cartId)
  if (!row) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart with id "${cartId}" was not found`)
  }
  return { row, facts: await cartFacts(container, row) }
}

/** A guest's facts: only what the cart says (email and shipping address; the rules fold what they compare without case). */
export function cartGuestFacts(cart: CartRow | null): CustomerFacts {
  const address = cart?.shipping_address
  const one = (v: string | null | undefined) => (v && v.trim() ? [v.trim()] : [])
  return guestFacts({
    email: cart?.email ?? null,
    countries: one(address?.country_code),
    provinces: one(address?.province),
    cities: one(address?.city),
  })
}

/** A registered customer's stored facts (a guest's facts when the projection has no row yet). */
export async function customerFacts(container: MedusaContainer, customerId: string): Promise<CustomerFacts> {
  const service = container.resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE)
  return (await service.loadCustomerFacts(customerId)) ?? guestFacts({ has_account: true })
}

export async function segmentsById(container: MedusaContainer, ids: string[]): Promise<StoreCustomerSegment[]> {
  if (ids.length === 0) {
    return []
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "customer_segment",
    fields: STORE_SEGMENT_FIELDS,
    filters: { id: ids, status: "active" },
  })
  // In the order given (the order segments were evaluated in), whatever order rows come back in.
  const position = new Map(ids.map((id, i) => [id, i]))
  return [...data].sort((a, b) => position.get(a.id)! - position.get(b.id)!)
}

/** Whether a customer registered (a guest record made from a cart's email has no account). */
export async function hasAccount(container: MedusaContainer, customerId: string): Promise<boolean> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "customer", fields: ["id", "has_account"], filters: { id: customerId } })
  return Boolean((data[0] as { has_account?: boolean } | undefined)?.has_account)
}
