import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { GROUP_PRICING_MODULE } from "../modules/group_pricing"
import type GroupPricingModuleService from "../modules/group_pricing/service"
import { deleteGroupPriceRuleWorkflow } from "../workflows/group-pricing"

/** A deleted customer group takes its pricing rules and their price lists with it. */
export default async function handler({ event, container }: SubscriberArgs<{ id: string }>) {
  const rules = await container
    .resolve<GroupPricingModuleService>(GROUP_PRICING_MODULE)
    .listGroupPriceRules({ customer_group_id: event.data.id }, { select: ["id"], take: null })
  for (const rule of rules) {
    await deleteGroupPriceRuleWorkflow(container).run({ input: { id: rule.id } })
  }
}

export const config: SubscriberConfig = {
  event: "customer.customer-group.deleted",
  context: { subscriberId: "customer-suite-group-pricing-groups" },
}
