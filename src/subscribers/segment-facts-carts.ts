import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { syncFactsOfCart } from "../workflows/customer-segments/utils/realtime"

/**
 * Segments, real time: a cart's customer (often a guest created from the cart's email) gets a profile,
 * and its open carts (abandoned_cart_date) follow the cart. Idempotent: the customer's facts are
 * recomputed from Medusa's modules.
 */
export default async function handler({ event, container }: SubscriberArgs<{ id: string }>) {
  await syncFactsOfCart(container, event.data.id)
}

export const config: SubscriberConfig = {
  event: ["cart.created", "cart.updated", "cart.customer_updated"],
  context: { subscriberId: "customer-suite-segment-facts-carts" },
}
