import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { syncFactsOfOrder } from "../workflows/customer-segments/realtime"

/**
 * Segments, real time: placed, canceled and updated orders (including one moved to another customer) move counts, amounts, dates and purchases.
 * Idempotent: the customer's facts are recomputed from Medusa's modules.
 */
export default async function handler({ event, container }: SubscriberArgs<{ id: string }>) {
  await syncFactsOfOrder(container, event.data.id)
}

export const config: SubscriberConfig = {
  event: ["order.placed", "order.canceled", "order.updated"],
  context: { subscriberId: "customer-suite-segment-facts-orders" },
}
