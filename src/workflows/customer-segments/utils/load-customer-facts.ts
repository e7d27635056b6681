import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN, Modules, OrderStatus } from "@medusajs/framework/utils"
import type { FactsSnapshot, OrderInput, ProfileInput, PurchaseInput } from "../../../modules/customer_segment/service"
import { CUSTOMER_ACTIVITY_MODULE } from "../../../modules/customer_activity"
import type CustomerActivityModuleService from "../../../modules/customer_activity/service"
import { PERSONALIZATION_MODULE } from "../../../modules/personalization"
import type PersonalizationModuleService from "../../../modules/personalization/service"

/** Orders that count: placed, not drafts, not canceled. Amounts are order totals. */
const NOT_COUNTED = [OrderStatus.DRAFT, OrderStatus.CANCELED]
const ORDER_PAGE = 1000

type CustomerRow = {
  id: string
  email: string | null
  first_name: string | null
  last_name: string | null
  has_account: boolean
  created_at: string | Date
  metadata: Record<string, unknown> | null
  addresses?: { id: string; country_code: string | null; province: string | null; city: string | null }[]
  groups?: { id: string }[]
}

type OrderRow = {
  id: string
  customer_id: string
  currency_code: string
  total: unknown
  created_at: string | Date
  items?: { product_id: string | null; quantity: unknown }[]
}

type CartRow = {
  id: string
  customer_id: string
  updated_at: string | Date
  items?: { id: string; updated_at: string | Date }[]
}

/** Open carts kept per customer (the latest). */
const OPEN_CARTS_KEPT = 20

type ProductRow = { id: string; collection_id: string | null; type_id: string | null; categories?: { id: string }[] }

/** The order part of a stored profile, to keep as it is. */
const orderFactsOf = (profile: ProfileInput | undefined) =>
  profile
    ? {
        orders_count: profile.orders_count,
        spend: profile.spend,
        first_order_at: profile.first_order_at,
        last_order_at: profile.last_order_at,
      }
    : {}

/** Non-empty values; the projection folds and sorts them when it stores them. */
const present = (values: (string | null | undefined)[]) => values.filter((v): v is string => Boolean(v && v.trim()))

/**
 * Per customer, the last activity (its own or its items' last update) of each
 * cart with items that was not completed: abandoned_cart_date reads these.
 */
async function loadOpenCarts(container: MedusaContainer, customerIds: string[]): Promise<Map<string, string[]>> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: ["id", "customer_id", "updated_at", "items.id", "items.updated_at"],
    filters: { customer_id: customerIds, completed_at: null },
  })
  const open = new Map<string, string[]>()
  for (const cart of data as CartRow[]) {
    const items = cart.items ?? []
    if (items.length === 0) {
      continue
    }
    const last = Math.max(new Date(cart.updated_at).getTime(), ...items.map((i) => new Date(i.updated_at).getTime()))
    open.set(cart.customer_id, [...(open.get(cart.customer_id) ?? []), new Date(last).toISOString()])
  }
  for (const [id, times] of open) {
    open.set(id, times.sort().slice(-OPEN_CARTS_KEPT))
  }
  return open
}

/**
 * Reads the facts of these customers from Medusa's own modules (customers,
 * addresses, groups, orders, products) in a few batched queries. A customer
 * that does not exist (or is deleted) has no profile in the result.
 */
export async function loadCustomerFacts(
  container: MedusaContainer,
  customerIds: string[],
  /**
   * Stored facts whose order part (counts, amounts, dates, purchases,
   * orders) is still right, e.g. after a profile, address or group change:
   * those customers' orders are not read again.
   */
  keepOrdersOf: FactsSnapshot = { profiles: [], purchases: [], orders: [] }
): Promise<FactsSnapshot & { orders_read: number }> {
  const ids = [...new Set(customerIds)]
  if (ids.length === 0) {
    return { profiles: [], purchases: [], orders: [], orders_read: 0 }
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const customerModule = container.resolve(Modules.CUSTOMER)

  const { data: customers } = await query.graph({
    entity: "customer",
    fields: [
      "id", "email", "first_name", "last_name", "has_account", "created_at", "metadata",
      "addresses.id", "addresses.country_code", "addresses.province", "addresses.city", "groups.id",
    ],
    filters: { id: ids },
  })
  const found = customers as CustomerRow[]
  if (found.length === 0) {
    return { profiles: [], purchases: [], orders: [], orders_read: 0 }
  }
  const foundIds = found.map((c) => c.id)
  const groupLinks = await customerModule.listCustomerGroupCustomers(
    { customer_id: foundIds },
    { select: ["id", "customer_id"], take: null }
  )

  const openCarts = await loadOpenCarts(container, foundIds)
  const audiences = await container.resolve<PersonalizationModuleService>(PERSONALIZATION_MODULE).mapCustomersAudienceIds(foundIds)
  const lastSeen = await container.resolve<CustomerActivityModuleService>(CUSTOMER_ACTIVITY_MODULE).mapCustomersLastSeen(foundIds)
  const kept = new Map(keepOrdersOf.profiles.map((p) => [p.customer_id, p]))
  const orderCustomerIds = foundIds.filter((id) => !kept.has(id))
  const orders: OrderRow[] = []
  for (let skip = 0; orderCustomerIds.length > 0; skip += ORDER_PAGE) {
    const { data } = await query.graph({
      entity: "order",
      fields: ["id", "customer_id", "currency_code", "total", "created_at", "items.product_id", "items.quantity"],
      filters: { customer_id: orderCustomerIds, status: { $nin: NOT_COUNTED } },
      pagination: { skip, take: ORDER_PAGE, order: { id: "ASC" } },
    })
    orders.push(...(data as OrderRow[]))
    if (data.length < ORDER_PAGE) {
      break
    }
  }

  const productIds = [...new Set(orders.flatMap((o) => (o.items ?? []).map((i) => i.product_id)).filter(Boolean))] as string[]
  const products = new Map<string, ProductRow>()
  if (productIds.length) {
    const { data } = await query.graph({
      entity: "product",
      fields: ["id", "collection_id", "type_id", "categories.id"],
      filters: { id: productIds },
      withDeleted: true,
    })
    for (const product of data as ProductRow[]) {
      products.set(product.id, product)
    }
  }

  const ordersOf = new Map<string, OrderRow[]>()
  for (const order of orders) {
    ordersOf.set(order.customer_id, [...(ordersOf.get(order.customer_id) ?? []), order])
  }

  const profiles: ProfileInput[] = []
  const purchases: PurchaseInput[] = []
  const orderFacts: OrderInput[] = []
  for (const customer of found) {
    const own = (ordersOf.get(customer.id) ?? []).sort(
      (a, b) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime()
    )
    const spend: ProfileInput["spend"] = {}
    for (const order of own) {
      const currency = order.currency_code.toLowerCase()
      const entry = (spend[currency] ??= { amount: 0, orders: 0 })
      entry.amount = MathBN.convert(MathBN.add(entry.amount, order.total as number)).toNumber()
      entry.orders += 1
      // The same orders as spend, one row each: amount_spent within dates adds these up.
      orderFacts.push({
        customer_id: customer.id,
        order_id: order.id,
        currency_code: currency,
        total: MathBN.convert(order.total as number).toNumber(),
        placed_at: new Date(order.created_at).toISOString(),
      })
      const quantities = new Map<string, number>()
      for (const item of order.items ?? []) {
        if (item.product_id) {
          quantities.set(item.product_id, (quantities.get(item.product_id) ?? 0) + MathBN.convert(item.quantity as number).toNumber())
        }
      }
      for (const [productId, quantity] of quantities) {
        const product = products.get(productId)
        purchases.push({
          customer_id: customer.id,
          order_id: order.id,
          product_id: productId,
          collection_id: product?.collection_id ?? null,
          category_ids: (product?.categories ?? []).map((c) => c.id).sort(),
          type_id: product?.type_id ?? null,
          quantity,
          purchased_at: new Date(order.created_at).toISOString(),
        })
      }
    }
    const addresses = customer.addresses ?? []
    profiles.push({
      customer_id: customer.id,
      email: customer.email ?? null,
      first_name: customer.first_name || null,
      last_name: customer.last_name || null,
      has_account: customer.has_account,
      customer_added_at: new Date(customer.created_at).toISOString(),
      group_ids: [...new Set((customer.groups ?? []).map((g) => g.id))].sort(),
      source_ids: [
        ...addresses.map((a) => a.id),
        ...groupLinks.filter((l) => l.customer_id === customer.id).map((l) => l.id),
      ].sort(),
      countries: present(addresses.map((a) => a.country_code)),
      provinces: present(addresses.map((a) => a.province)),
      cities: present(addresses.map((a) => a.city)),
      orders_count: own.length,
      spend,
      first_order_at: own.length ? new Date(own[0].created_at).toISOString() : null,
      last_order_at: own.length ? new Date(own[own.length - 1].created_at).toISOString() : null,
      metadata: customer.metadata ?? null,
      open_carts: openCarts.get(customer.id) ?? [],
      audience_ids: audiences.get(customer.id) ?? [],
      last_activity_at: lastSeen.get(customer.id)?.toISOString() ?? null,
      ...orderFactsOf(kept.get(customer.id)),
    })
    if (kept.has(customer.id)) {
      purchases.push(...keepOrdersOf.purchases.filter((p) => p.customer_id === customer.id))
      orderFacts.push(...keepOrdersOf.orders.filter((o) => o.customer_id === customer.id))
    }
  }
  return { profiles, purchases, orders: orderFacts, orders_read: orders.length }
}
