import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ensureFactsOfCart } from "../workflows/customer-segments/realtime"

/**
 * Segments, real time: a cart's customer (often a guest created from the cart's email) gets a profile.
 * Idempotent: the customer's facts are recomputed from Medusa's modules.
 */
export default async function handler({ event, container }: SubscriberArgs<{ id: string }>) {
  await ensureFactsOfCart(container, event.data.id)
}

export const config: SubscriberConfig = {
  event: ["cart.created", "cart.customer_updated"],
  context: { subscriberId: "customer-suite-segment-facts-carts" },
}
