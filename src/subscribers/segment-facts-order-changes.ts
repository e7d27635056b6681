import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { syncFactsOfOrder } from "../workflows/customer-segments/utils/realtime"

/**
 * Segments, real time: edits, claims and exchanges can change an order's total and items.
 * Idempotent: the customer's facts are recomputed from Medusa's modules.
 */
export default async function handler({ event, container }: SubscriberArgs<{ order_id: string }>) {
  await syncFactsOfOrder(container, event.data.order_id)
}

export const config: SubscriberConfig = {
  event: ["order-edit.confirmed", "order.claim_created", "order.exchange_created"],
  context: { subscriberId: "customer-suite-segment-facts-order-changes" },
}
