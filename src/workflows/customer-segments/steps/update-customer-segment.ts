import { MedusaError, Modules } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_SEGMENT_MODULE } from "../../../modules/customer_segment"
import type CustomerSegmentModuleService from "../../../modules/customer_segment/service"
import { assertGroupNameFree, prepareSegmentUpdate } from "../utils/prepare-segment"
import type { CustomerSegmentData, UpdateCustomerSegmentInput } from "../types"

export type UpdateCustomerSegmentStepInput = { id: string; update: UpdateCustomerSegmentInput }

export const updateCustomerSegmentStepId = "customer-suite-update-customer-segment"

type Undo = {
  previous: CustomerSegmentData
  created_group_id: string | null
  deleted_group_id: string | null
  renamed_group: { id: string; name: string } | null
}

/**
 * Validates and applies changes to one segment, and keeps its managed
 * customer group in step (created when sync is turned on, deleted when it is
 * turned off, renamed with the segment). Compensation restores the segment's
 * previous fields and undoes the group change.
 */
export const updateCustomerSegmentStep = createStep(
  updateCustomerSegmentStepId,
  async (input: UpdateCustomerSegmentStepInput, { container }) => {
    const service = container.resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE)
    const customerModule = container.resolve(Modules.CUSTOMER)
    const previous = (await service.retrieveCustomerSegment(input.id)) as unknown as CustomerSegmentData
    const { data, refresh } = await prepareSegmentUpdate(service, previous, input.update)

    const undo: Undo = { previous, created_group_id: null, deleted_group_id: null, renamed_group: null }
    let groupId = previous.customer_group_id
    const sync = data.sync_customer_group ?? previous.sync_customer_group
    const name = data.name ?? previous.name
    if (sync && (!groupId || name !== previous.name)) {
      await assertGroupNameFree(customerModule, name, groupId)
    }
    if (sync && !groupId) {
      const [group] = await customerModule.createCustomerGroups([{ name, metadata: { managed_by: "customer_segment" } }])
      groupId = undo.created_group_id = group.id
    } else if (!sync && groupId) {
      await customerModule.softDeleteCustomerGroups([groupId])
      undo.deleted_group_id = groupId
      groupId = null
    } else if (groupId && name !== previous.name) {
      const [group] = await customerModule.listCustomerGroups({ id: groupId }, { select: ["id", "name"] })
      if (!group) {
        throw new MedusaError(MedusaError.Types.NOT_FOUND, `The segment's customer group ${groupId} no longer exists`)
      }
      await customerModule.updateCustomerGroups(groupId, { name })
      undo.renamed_group = { id: groupId, name: group.name! }
    }
    // Only the fields given: a key set to undefined would be written as null.
    const { rule, ...rest } = data
    const updated = await service.updateCustomerSegments({
      id: input.id,
      ...rest,
      ...(rule === undefined ? {} : { rule: rule as Record<string, unknown> | null }),
      customer_group_id: groupId,
    })
    return new StepResponse({ segment: updated as unknown as CustomerSegmentData, refresh }, undo)
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service = container.resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE)
    const customerModule = container.resolve(Modules.CUSTOMER)
    const { previous } = undo
    await service.updateCustomerSegments({
      id: previous.id,
      name: previous.name,
      description: previous.description,
      applies_to: previous.applies_to,
      status: previous.status,
      rule: previous.rule as Record<string, unknown> | null,
      query: previous.query,
      attributes: previous.attributes,
      relative_dates: previous.relative_dates,
      sync_customer_group: previous.sync_customer_group,
      customer_group_id: previous.customer_group_id,
      metadata: previous.metadata,
    })
    if (undo.created_group_id) {
      await customerModule.deleteCustomerGroups([undo.created_group_id])
    }
    if (undo.deleted_group_id) {
      await customerModule.restoreCustomerGroups([undo.deleted_group_id])
    }
    if (undo.renamed_group) {
      await customerModule.updateCustomerGroups(undo.renamed_group.id, { name: undo.renamed_group.name })
    }
  }
)
