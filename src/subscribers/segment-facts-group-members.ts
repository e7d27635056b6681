import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { syncFactsOfSource } from "../workflows/customer-segments/utils/realtime"

/**
 * Segments, real time: a customer joined or left a group (Medusa emits only these module events; a removed link is traced through the profile).
 * Idempotent: the customer's facts are recomputed from Medusa's modules.
 */
export default async function handler({ event, container }: SubscriberArgs<{ id: string }>) {
  await syncFactsOfSource(container, "group_membership", event.data.id)
}

export const config: SubscriberConfig = {
  event: ["customer.customer-group-customer.created", "customer.customer-group-customer.deleted"],
  context: { subscriberId: "customer-suite-segment-facts-group-members" },
}
