import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { CustomerSegmentEvents } from "../modules/customer_segment/events"
import { refreshCustomerSegmentWorkflow } from "../workflows/customer-segments/workflows/refresh-customer-segment"

/** Carries out a queued refresh run in the background (under the segment's lock). */
export default async function handler({ event, container }: SubscriberArgs<{ id: string; run_id: string }>) {
  await refreshCustomerSegmentWorkflow(container).run({
    input: { segment_id: event.data.id, run_id: event.data.run_id, trigger: "saved" },
  })
}

export const config: SubscriberConfig = {
  event: CustomerSegmentEvents.REFRESH_REQUESTED,
  context: { subscriberId: "customer-suite-segment-refresh-requested" },
}
