import type { z } from "@medusajs/framework/zod"
import type {
  AdminCreateAudienceSource,
  AdminGetAudienceMembersParams,
  AdminGetAudienceSourceBatchesParams,
  AdminGetAudiencesParams,
  AdminUpdateAudience,
  AdminUpdateAudienceSource,
} from "../../api/admin/audiences/validators"
import type { HookAudienceBatch } from "../../api/hooks/customer-suite/audiences/validators"
import type { AudienceBatchResult, AudienceMemberRef } from "../../modules/personalization/audience-types"
import type { DeleteResponse, Jsonified, PaginatedResponse } from "./common"

export type { AudienceMemberRef } from "../../modules/personalization/audience-types"

/** POST /hooks/customer-suite/audiences: the body a CDP signs and sends. */
export type HookAudienceBatchBody = z.input<typeof HookAudienceBatch>
/** The answer to an applied batch (`replayed: true` when the batch id was seen before: nothing changed). */
export type HookAudienceBatchResponse = { batch: Jsonified<AudienceBatchResult> }

/** An audience source as the admin sees it (never its secret, only the secret's last characters). */
export type AdminAudienceSource = {
  id: string
  name: string
  secret_hint: string
  secret_rotated_at: string | null
  /** Until when the secret in force before the last rotation still verifies; null: it does not. */
  previous_secret_expires_at: string | null
  last_batch_at: string | null
  last_error: string | null
  last_error_at: string | null
  audience_count: number
  created_at: string
  updated_at: string
}

/** An audience in lists and pickers. */
export type AdminAudience = {
  id: string
  name: string
  external_id: string
  source: { id: string; name: string }
  member_count: number
  last_batch_at: string | null
  sync_customer_group: boolean
  customer_group_id: string | null
  created_at: string
  updated_at: string
}

/** A member of an audience: the customer, as the customer module knows them. */
export type AdminAudienceMember = {
  customer_id: string
  email: string | null
  first_name: string | null
  last_name: string | null
  added_at: string
}

/** A batch the source pushed and the plugin applied. */
export type AdminAudienceBatch = {
  id: string
  batch_id: string
  audience_id: string
  external_audience_id: string
  sent_at: string
  added: number
  removed: number
  unchanged: number
  unknown: number
  unknown_samples: AudienceMemberRef[]
  created_at: string
}

export type AdminCreateAudienceSourceBody = z.input<typeof AdminCreateAudienceSource>
export type AdminUpdateAudienceSourceBody = z.input<typeof AdminUpdateAudienceSource>
export type AdminUpdateAudienceBody = z.input<typeof AdminUpdateAudience>
export type AdminAudienceListParams = z.input<typeof AdminGetAudiencesParams>
export type AdminAudienceMembersParams = z.input<typeof AdminGetAudienceMembersParams>
export type AdminAudienceSourceBatchesParams = z.input<typeof AdminGetAudienceSourceBatchesParams>

/** POST /admin/audience-sources and POST /admin/audience-sources/:id/rotate-secret: the only answers with the secret. */
export type AdminAudienceSourceWithSecretResponse = { audience_source: AdminAudienceSource; secret: string }
export type AdminAudienceSourceResponse = { audience_source: AdminAudienceSource }
export type AdminAudienceSourceListResponse = PaginatedResponse<{ audience_sources: AdminAudienceSource[] }>
export type AdminAudienceSourceDeleteResponse = DeleteResponse<"audience_source">
export type AdminAudienceListResponse = PaginatedResponse<{ audiences: AdminAudience[] }>
/** GET /admin/audiences/:id: the audience with a page of its members. */
export type AdminAudienceResponse = {
  audience: AdminAudience
  members: PaginatedResponse<{ customers: AdminAudienceMember[] }>
}
export type AdminAudienceBatchListResponse = PaginatedResponse<{ batches: AdminAudienceBatch[] }>
