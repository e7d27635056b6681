import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { syncFactsOfOrder } from "../workflows/customer-segments/utils/realtime"

/**
 * Segments, real time: placed, canceled and updated orders move counts, amounts, dates and purchases
 * (the order's current customer and any customer the projection still credits with it).
 * Medusa's order transfer workflows emit no event: a transferred order moves at the next backfill.
 * Idempotent: the customer's facts are recomputed from Medusa's modules.
 */
export default async function handler({ event, container }: SubscriberArgs<{ id: string }>) {
  await syncFactsOfOrder(container, event.data.id)
}

export const config: SubscriberConfig = {
  event: ["order.placed", "order.canceled", "order.updated"],
  context: { subscriberId: "customer-suite-segment-facts-orders" },
}
