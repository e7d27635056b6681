import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminAudienceBatch, AdminAudienceBatchListResponse, AudienceMemberRef } from "../../../../../types/http"
import { personalization, retrieveAdminSource } from "../../../audiences/helpers"
import type { AdminGetAudienceSourceBatchesParamsType } from "../../../audiences/validators"

/** The batches a source pushed, newest first, with their counts and unknown members. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetAudienceSourceBatchesParamsType>,
  res: MedusaResponse<AdminAudienceBatchListResponse>
) => {
  await retrieveAdminSource(req.scope, req.params.id)
  const { audience_id, offset, limit } = req.validatedQuery as AdminGetAudienceSourceBatchesParamsType
  const [rows, count] = await personalization(req.scope).listAndCountAudienceBatches(
    { source_id: req.params.id, ...(audience_id ? { audience_id } : {}) },
    { skip: offset, take: limit, order: { created_at: "DESC", id: "DESC" } }
  )
  const batches: AdminAudienceBatch[] = rows.map((b) => ({
    id: b.id,
    batch_id: b.batch_id,
    audience_id: b.audience_id,
    external_audience_id: b.external_audience_id,
    sent_at: new Date(b.sent_at).toISOString(),
    added: b.added,
    removed: b.removed,
    unchanged: b.unchanged,
    unknown: b.unknown,
    unknown_samples: (b.unknown_samples ?? []) as unknown as AudienceMemberRef[],
    created_at: new Date(b.created_at).toISOString(),
  }))
  res.json({ batches, count, offset, limit })
}
