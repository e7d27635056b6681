import { MedusaError, Modules } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { PERSONALIZATION_MODULE } from "../../../modules/personalization"
import type PersonalizationModuleService from "../../../modules/personalization/service"

export type UpdateAudienceStepInput = { id: string; sync_customer_group: boolean }

export const updateAudienceStepId = "customer-suite-update-audience"

type Undo = {
  previous: { id: string; sync_customer_group: boolean; customer_group_id: string | null }
  created_group_id: string | null
  deleted_group_id: string | null
}

/**
 * Turns an audience's customer-group mirror on (creates a managed group
 * named after the audience) or off (deletes that group). Compensation
 * restores the audience and undoes the group change.
 */
export const updateAudienceStep = createStep(
  updateAudienceStepId,
  async (input: UpdateAudienceStepInput, { container }) => {
    const service = container.resolve<PersonalizationModuleService>(PERSONALIZATION_MODULE)
    const customerModule = container.resolve(Modules.CUSTOMER)
    const audience = await service.retrieveAudience(input.id)
    const undo: Undo = {
      previous: { id: audience.id, sync_customer_group: audience.sync_customer_group, customer_group_id: audience.customer_group_id ?? null },
      created_group_id: null,
      deleted_group_id: null,
    }
    let groupId = audience.customer_group_id ?? null
    if (input.sync_customer_group && !groupId) {
      const [taken] = await customerModule.listCustomerGroups({ name: audience.name }, { select: ["id"] })
      if (taken) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `sync_customer_group: a customer group named "${audience.name}" already exists; rename it, or the audience in its source, first`
        )
      }
      const [group] = await customerModule.createCustomerGroups([
        { name: audience.name, metadata: { managed_by: "audience", audience_id: audience.id } },
      ])
      groupId = undo.created_group_id = group.id
    } else if (!input.sync_customer_group && groupId) {
      await customerModule.softDeleteCustomerGroups([groupId])
      undo.deleted_group_id = groupId
      groupId = null
    }
    await service.updateAudiences({ id: input.id, sync_customer_group: input.sync_customer_group, customer_group_id: groupId })
    return new StepResponse({ id: input.id, customer_group_id: groupId }, undo)
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const customerModule = container.resolve(Modules.CUSTOMER)
    await container.resolve<PersonalizationModuleService>(PERSONALIZATION_MODULE).updateAudiences(undo.previous)
    if (undo.created_group_id) {
      await customerModule.deleteCustomerGroups([undo.created_group_id])
    }
    if (undo.deleted_group_id) {
      await customerModule.restoreCustomerGroups([undo.deleted_group_id])
    }
  }
)
