/** Events the customer_segment module's workflows emit. Payloads are ids. */
export const CustomerSegmentEvents = {
  /** `{ id }` */
  CREATED: "customer_segment.created",
  /** `{ id }` */
  UPDATED: "customer_segment.updated",
  /** `{ id }` */
  DELETED: "customer_segment.deleted",
  /** `{ segment_id, added: customer ids, removed: customer ids }`, at most 1,000 ids per event. */
  MEMBERSHIP_CHANGED: "customer_segment.membership_changed",
  /** `{ id, run_id }`: a refresh run was queued; the worker carries it out. */
  REFRESH_REQUESTED: "customer_segment.refresh_requested",
  /** `{ id }`: a backfill run was queued (or is to be resumed); the worker claims and runs it. */
  BACKFILL_REQUESTED: "customer_segment.backfill_requested",
} as const

export type MembershipChangedPayload = { segment_id: string; added: string[]; removed: string[] }
