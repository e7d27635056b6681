import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { MedusaError } from "@medusajs/framework/utils"
import { GroupPricingEvents, type GroupPriceRuleEventPayload } from "../modules/group_pricing/events"
import { resyncGroupPriceRules } from "../workflows/group-pricing"

/**
 * A group's rules compete for variants: when one is created, changed or
 * deleted, the other rules of its group (before and after a move) are
 * resynced, each by its own sync workflow. Idempotent: a rule already in
 * line writes nothing, so a redelivered event changes nothing more.
 */
export default async function handler({ event, container }: SubscriberArgs<GroupPriceRuleEventPayload>) {
  if (!event.data.customer_group_ids.length) {
    return
  }
  const { failed } = await resyncGroupPriceRules(container, {
    customer_group_ids: event.data.customer_group_ids,
    except_rule_ids: [event.data.id],
  })
  if (failed.length) {
    // The others are in line; a redelivery retries only what is still out of line.
    throw new MedusaError(
      MedusaError.Types.UNEXPECTED_STATE,
      `customer-suite: group pricing: ${failed.length} rule(s) failed to resync: ${failed.map((f) => `${f.rule_id}: ${f.error}`).join("; ")}`
    )
  }
}

export const config: SubscriberConfig = {
  event: [GroupPricingEvents.CREATED, GroupPricingEvents.UPDATED, GroupPricingEvents.DELETED],
  context: { subscriberId: "customer-suite-group-pricing-siblings" },
}
