import type { AudienceMemberRef } from "../../modules/personalization/audience-types"

export type { AudienceBatchResult, AudienceMemberRef } from "../../modules/personalization/audience-types"

/** A batch as the webhook received it (signature and timestamp verified). */
export type AudienceBatchInput = {
  source_id: string
  batch_id: string
  /** The signed timestamp. */
  sent_at: Date
  audience: { id: string; name: string }
  add: AudienceMemberRef[]
  remove: AudienceMemberRef[]
}
