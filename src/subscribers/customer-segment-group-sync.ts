import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { CUSTOMER_SEGMENT_MODULE } from "../modules/customer_segment"
import { CustomerSegmentEvents, type MembershipChangedPayload } from "../modules/customer_segment/events"
import type CustomerSegmentModuleService from "../modules/customer_segment/service"
import { syncSegmentCustomerGroupWorkflow } from "../workflows/customer-segments/workflows/sync-segment-customer-group"

/**
 * Managed customer groups follow their segment: membership changes are
 * mirrored, and a saved segment (e.g. sync just turned on) is reconciled in full.
 */
export default async function handler({
  event,
  container,
}: SubscriberArgs<MembershipChangedPayload | { id: string }>) {
  const input =
    "segment_id" in event.data
      ? { segment_id: event.data.segment_id, added: event.data.added, removed: event.data.removed }
      : { segment_id: event.data.id }
  // Most segments manage no group: one indexed read instead of a workflow per event.
  const segments = container.resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE)
  const [segment] = await segments.listCustomerSegments({ id: input.segment_id }, { select: ["id", "sync_customer_group"] })
  if (!segment?.sync_customer_group) {
    return
  }
  await syncSegmentCustomerGroupWorkflow(container).run({ input })
}

export const config: SubscriberConfig = {
  event: [CustomerSegmentEvents.MEMBERSHIP_CHANGED, CustomerSegmentEvents.UPDATED],
  context: { subscriberId: "customer-suite-segment-group-sync" },
}
