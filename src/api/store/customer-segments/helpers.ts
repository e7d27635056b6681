import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN, MedusaError } from "@medusajs/framework/utils"
import { CUSTOMER_SEGMENT_MODULE } from "../../../modules/customer_segment"
import { guestFacts, type CartFacts, type CustomerFacts } from "../../../modules/customer_segment/rules"
import type CustomerSegmentModuleService from "../../../modules/customer_segment/service"
import type { StoreCustomerSegment } from "../../../types/http"

type CartRow = {
  id: string
  customer_id: string | null
  email: string | null
  currency_code: string
  updated_at: string | Date
  shipping_address?: { country_code: string | null; province: string | null; city: string | null } | null
  items?: {
    product_id: string | null
    quantity: unknown
    unit_price: unknown
    updated_at: string | Date
    product?: { collection_id: string | null; type_id: string | null; categories?: { id: string }[] } | null
  }[]
}

/** What the store shows about a segment: enough to pick content, nothing about the rule. */
export const STORE_SEGMENT_FIELDS = ["id", "name"]

/** A cart as rule facts (subtotal = sum of unit price × quantity, in the cart's currency). */
export async function loadCart(container: MedusaContainer, cartId: string): Promise<{ row: CartRow; facts: CartFacts }> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: [
      "id", "customer_id", "email", "currency_code", "updated_at", "items.updated_at",
      "shipping_address.country_code", "shipping_address.province", "shipping_address.city",
      "items.product_id", "items.quantity", "items.unit_price",
      "items.product.collection_id", "items.product.type_id", "items.product.categories.id",
    ],
    filters: { id: cartId },
  })
  const row = data[0] as CartRow | undefined
  if (!row) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart with id "${cartId}" was not found`)
  }
  const items = (row.items ?? []).filter((i) => i.product_id)
  return {
    row,
    facts: {
      currency_code: row.currency_code.toLowerCase(),
      subtotal: items.reduce(
        (sum, i) => sum + MathBN.convert(MathBN.mult(i.unit_price as number, i.quantity as number)).toNumber(),
        0
      ),
      items: items.map((i) => ({
        product_id: i.product_id!,
        collection_id: i.product?.collection_id ?? null,
        category_ids: (i.product?.categories ?? []).map((c) => c.id),
        type_id: i.product?.type_id ?? null,
        quantity: MathBN.convert(i.quantity as number).toNumber(),
      })),
      // Its last activity: its own update or an item's (abandoned_cart_date).
      updated_at: new Date(Math.max(new Date(row.updated_at).getTime(), ...(row.items ?? []).map((i) => new Date(i.updated_at).getTime()))),
    },
  }
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
