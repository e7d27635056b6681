import type { MembershipChange } from "../../../modules/customer_segment/service"
import { MEMBERSHIP_EVENT_CHUNK } from "../../../modules/customer_segment/service"
import type { MembershipChangedPayload } from "../../../modules/customer_segment/events"

/** Membership changes as `customer_segment.membership_changed` payloads of at most 1,000 ids each. */
export function membershipPayloads(changes: MembershipChange[]): MembershipChangedPayload[] {
  const payloads: MembershipChangedPayload[] = []
  for (const change of changes) {
    const ids = [
      ...change.added.map((id) => ({ id, added: true })),
      ...change.removed.map((id) => ({ id, added: false })),
    ]
    for (let i = 0; i < ids.length; i += MEMBERSHIP_EVENT_CHUNK) {
      const chunk = ids.slice(i, i + MEMBERSHIP_EVENT_CHUNK)
      payloads.push({
        segment_id: change.segment_id,
        added: chunk.filter((c) => c.added).map((c) => c.id),
        removed: chunk.filter((c) => !c.added).map((c) => c.id),
      })
    }
  }
  return payloads
}
