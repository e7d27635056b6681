import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { refreshCartItemsWorkflow } from "@medusajs/medusa/core-flows"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { CUSTOMER_SEGMENT_MODULE } from "../modules/customer_segment"
import type CustomerSegmentModuleService from "../modules/customer_segment/service"
import { CUSTOMER_SUITE_MODULE } from "../modules/customer_suite"
import type CustomerSuiteModuleService from "../modules/customer_suite/service"
import { GROUP_PRICING_MODULE } from "../modules/group_pricing"
import type GroupPricingModuleService from "../modules/group_pricing/service"
import CustomerGroupTaxClass from "../links/customer-group-tax-class"

const RECENT_DAYS = 30
const MAX_CARTS = 20

/**
 * A customer joined a group that carries a tax class or an active pricing
 * rule: their open carts are re-priced and retaxed at once (Medusa does so only at the cart's next change), so a new Wholesale
 * member sees the group prices and the exemption in the cart they already
 * have. Open carts changed in the last 30 days, at most 20 per customer.
 * Leaving a group is traced through the segment facts when they know the
 * membership; otherwise the cart follows at its next change.
 */
export default async function handler({ event, container }: SubscriberArgs<{ id: string }>) {
  const suite = container.resolve<CustomerSuiteModuleService>(CUSTOMER_SUITE_MODULE)
  if (!(await suite.isEnabled("tax_classes")) && !(await suite.isEnabled("group_pricing"))) {
    return
  }
  const live = await container
    .resolve(Modules.CUSTOMER)
    .listCustomerGroupCustomers({ id: event.data.id }, { select: ["id", "customer_id", "customer_group_id"] })
  // Only groups that change prices or taxes matter (not, say, a segment's mirrored group of thousands).
  if (!(await pricesOrTaxesDependOn(container, live.map((row) => row.customer_group_id)))) {
    return
  }
  const known = await container
    .resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE)
    .findCustomersBySourceIds([event.data.id])
    .catch(() => [] as string[])
  const customerIds = [...new Set([...live.map((row) => row.customer_id), ...known])]
  if (!customerIds.length) {
    return
  }
  const since = new Date(Date.now() - RECENT_DAYS * 24 * 60 * 60 * 1000)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: ["id"],
    filters: { customer_id: customerIds, completed_at: null, updated_at: { $gte: since } },
    pagination: { take: MAX_CARTS * customerIds.length, order: { updated_at: "DESC" } },
  })
  const carts = data as { id: string }[]
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  for (const cart of carts) {
    const { errors } = await refreshCartItemsWorkflow(container).run({ input: { cart_id: cart.id, force_refresh: true }, throwOnError: false })
    if (errors?.length) {
      logger.warn(`customer-suite: could not refresh cart ${cart.id} after a group change: ${errors[0].error?.message}`)
    }
  }
}

/**
 * Whether a membership change in these groups can change a cart: a group with
 * a tax class, or with an active pricing rule. With no group known (the row
 * of a deleted membership is gone), whether any group has either.
 */
async function pricesOrTaxesDependOn(container: SubscriberArgs<unknown>["container"], groupIds: string[]): Promise<boolean> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const byGroup = groupIds.length ? { customer_group_id: groupIds } : {}
  const [links, rules] = await Promise.all([
    query.graph({ entity: CustomerGroupTaxClass.entryPoint, fields: ["customer_group_id"], filters: byGroup, pagination: { take: 1 } }),
    container.resolve<GroupPricingModuleService>(GROUP_PRICING_MODULE).listGroupPriceRules({ ...byGroup, status: "active" }, { select: ["id"], take: 1 }),
  ])
  return links.data.length > 0 || rules.length > 0
}

export const config: SubscriberConfig = {
  event: ["customer.customer-group-customer.created", "customer.customer-group-customer.deleted"],
  context: { subscriberId: "customer-suite-cart-refresh-on-group-change" },
}
