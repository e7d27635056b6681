import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { syncFactsOf } from "../workflows/customer-segments/utils/realtime"

/**
 * Segments, real time: a customer's profile follows the customer (created, updated, deleted) and the segments reading what changed are re-evaluated.
 * Idempotent: the customer's facts are recomputed from Medusa's modules.
 */
export default async function handler({ event, container }: SubscriberArgs<{ id: string }>) {
  // An update changes the customer, not their orders.
  await syncFactsOf(container, [event.data.id], event.name === "customer.updated" ? "profile" : "all")
}

export const config: SubscriberConfig = {
  event: ["customer.created", "customer.updated", "customer.deleted"],
  context: { subscriberId: "customer-suite-segment-facts-customers" },
}
