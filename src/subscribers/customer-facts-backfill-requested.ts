import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { CustomerSegmentEvents } from "../modules/customer_segment/events"
import { runFactsBackfill } from "../workflows/customer-segments/utils/backfill-runner"

/**
 * Runs a queued facts backfill in the background, batch by batch from its
 * checkpoint, when this instance can claim it: a redelivered or duplicate
 * request finds it claimed and does nothing.
 */
export default async function handler({ event, container }: SubscriberArgs<{ id: string }>) {
  await runFactsBackfill(container, event.data.id)
}

export const config: SubscriberConfig = {
  event: CustomerSegmentEvents.BACKFILL_REQUESTED,
  context: { subscriberId: "customer-suite-facts-backfill-requested" },
}
