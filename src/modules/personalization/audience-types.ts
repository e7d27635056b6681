/** Types of audience batches, shared by the module, the routes and the admin (no runtime code). */

/** A member of a batch as the source named it. */
export type AudienceMemberRef = { customer_id: string } | { email: string }

/** What the webhook answers for an applied batch (and again, with `replayed: true`, for a replay). */
export type AudienceBatchResult = {
  id: string
  batch_id: string
  audience: { id: string; external_id: string; name: string; member_count: number }
  added: number
  removed: number
  unchanged: number
  unknown: { count: number; samples: AudienceMemberRef[] }
  applied_at: string
  replayed: boolean
}
