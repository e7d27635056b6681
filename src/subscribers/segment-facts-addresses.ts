import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { syncFactsOfSource } from "../workflows/customer-segments/utils/realtime"

/**
 * Segments, real time: addresses move countries, provinces and cities (a deleted address is traced to its customer through the profile).
 * Idempotent: the customer's facts are recomputed from Medusa's modules.
 */
export default async function handler({ event, container }: SubscriberArgs<{ id: string }>) {
  await syncFactsOfSource(container, "address", event.data.id)
}

export const config: SubscriberConfig = {
  event: ["customer.customer-address.created", "customer.customer-address.updated", "customer.customer-address.deleted"],
  context: { subscriberId: "customer-suite-segment-facts-addresses" },
}
