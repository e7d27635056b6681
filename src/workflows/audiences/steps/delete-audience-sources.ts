import { Modules } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { PERSONALIZATION_MODULE } from "../../../modules/personalization"
import type PersonalizationModuleService from "../../../modules/personalization/service"

export const deleteAudienceSourcesStepId = "customer-suite-delete-audience-sources"

export type DeletedAudienceSources = { source_ids: string[]; audience_ids: string[]; member_ids: string[]; group_ids: string[] }

/**
 * Soft-deletes sources with their audiences, memberships and the customer
 * groups mirroring them (the batch log stays). Compensation restores them.
 */
export const deleteAudienceSourcesStep = createStep(
  deleteAudienceSourcesStepId,
  async (ids: string[], { container }) => {
    const service = container.resolve<PersonalizationModuleService>(PERSONALIZATION_MODULE)
    const audiences = await service.listAudiences({ source_id: ids }, { select: ["id", "customer_group_id"], take: null })
    const audienceIds = audiences.map((a) => a.id)
    const members = audienceIds.length
      ? await service.listAudienceMembers({ audience_id: audienceIds }, { select: ["id", "audience_id", "customer_id"], take: null })
      : []
    await service.softDeleteAudienceMembers(members.map((m) => m.id))
    await service.softDeleteAudiences(audienceIds)
    await service.softDeleteAudienceSources(ids)
    // The customer groups mirroring those audiences go with them.
    const groupIds = audiences.flatMap((a) => (a.customer_group_id ? [a.customer_group_id] : []))
    if (groupIds.length) {
      await container.resolve(Modules.CUSTOMER).softDeleteCustomerGroups(groupIds)
    }
    const deleted: DeletedAudienceSources = { source_ids: ids, audience_ids: audienceIds, member_ids: members.map((m) => m.id), group_ids: groupIds }
    const removed = audienceIds.map((audience_id) => ({
      audience_id,
      customer_ids: members.filter((m) => m.audience_id === audience_id).map((m) => m.customer_id).sort(),
    }))
    return new StepResponse({ ...deleted, removed }, deleted)
  },
  async (deleted, { container }) => {
    if (!deleted) {
      return
    }
    const service = container.resolve<PersonalizationModuleService>(PERSONALIZATION_MODULE)
    await service.restoreAudienceSources(deleted.source_ids)
    await service.restoreAudiences(deleted.audience_ids)
    await service.restoreAudienceMembers(deleted.member_ids)
    if (deleted.group_ids.length) {
      await container.resolve(Modules.CUSTOMER).restoreCustomerGroups(deleted.group_ids)
    }
  }
)
