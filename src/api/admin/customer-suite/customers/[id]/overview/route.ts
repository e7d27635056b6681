import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { BigNumberInput } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  MathBN,
  MedusaError,
  OrderStatus,
} from "@medusajs/framework/utils"
import type { AdminCustomerOverviewResponse } from "../../../../../../types/http"

/** Orders that count as purchases: placed, not drafts and not canceled. */
const NOT_COUNTED = [OrderStatus.DRAFT, OrderStatus.CANCELED]
const PAGE = 500

type OrderRow = { id: string; currency_code: string; total: BigNumberInput; created_at: string | Date }
type CustomerRow = { id: string; has_account: boolean; created_at: string | Date }

/**
 * GET /admin/customer-suite/customers/:id/overview
 * The customer's purchase facts: number of orders, amount spent per currency
 * (order totals, never added across currencies), first and last order date.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse<AdminCustomerOverviewResponse>) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const customerId = req.params.id

  const { data: customers } = await query.graph({
    entity: "customer",
    fields: ["id", "has_account", "created_at"],
    filters: { id: customerId },
  })
  const customer = (customers as CustomerRow[])[0]
  if (!customer) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Customer with id "${customerId}" was not found`
    )
  }

  const spent = new Map<string, ReturnType<typeof MathBN.convert>>()
  let ordersCount = 0
  // Pages are read oldest first: the first order seen is the first order.
  let firstOrderAt: string | null = null
  let lastOrderAt: string | null = null
  for (let skip = 0; ; skip += PAGE) {
    const { data } = await query.graph({
      entity: "order",
      fields: ["id", "currency_code", "total", "created_at"],
      filters: { customer_id: customerId, status: { $nin: NOT_COUNTED } },
      pagination: { skip, take: PAGE, order: { created_at: "ASC" } },
    })
    const orders = data as OrderRow[]
    for (const order of orders) {
      ordersCount += 1
      const currency = order.currency_code.toLowerCase()
      spent.set(currency, MathBN.add(spent.get(currency) ?? 0, order.total))
      const createdAt = new Date(order.created_at).toISOString()
      firstOrderAt ??= createdAt
      lastOrderAt = createdAt
    }
    if (orders.length < PAGE) {
      break
    }
  }

  res.json({
    overview: {
      customer_id: customer.id,
      has_account: customer.has_account,
      customer_since: new Date(customer.created_at).toISOString(),
      orders_count: ordersCount,
      amount_spent: [...spent.entries()]
        .map(([currency_code, amount]) => ({ currency_code, amount: MathBN.convert(amount).toNumber() }))
        .sort((a, b) => a.currency_code.localeCompare(b.currency_code)),
      first_order_at: firstOrderAt,
      last_order_at: lastOrderAt,
    },
  })
}
