import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { syncFactsOfGroup } from "../workflows/customer-segments/utils/realtime"

/**
 * Segments, real time: a deleted customer group leaves its former members'
 * profiles (and the segments reading customer_groups are re-evaluated).
 */
export default async function handler({ event, container }: SubscriberArgs<{ id: string }>) {
  await syncFactsOfGroup(container, event.data.id)
}

export const config: SubscriberConfig = {
  event: "customer.customer-group.deleted",
  context: { subscriberId: "customer-suite-segment-facts-groups" },
}
