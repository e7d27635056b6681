import { Modules } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_SEGMENT_MODULE } from "../../../modules/customer_segment"
import type CustomerSegmentModuleService from "../../../modules/customer_segment/service"
import { assertGroupNameFree, prepareNewSegment } from "../utils/prepare-segment"
import type { CreateCustomerSegmentInput, CustomerSegmentData } from "../types"

export const createCustomerSegmentsStepId = "customer-suite-create-customer-segments"

/**
 * Validates and creates segments; a segment with sync_customer_group gets a
 * customer group of the same name. Compensation deletes both.
 */
export const createCustomerSegmentsStep = createStep(
  createCustomerSegmentsStepId,
  async (input: CreateCustomerSegmentInput[], { container }) => {
    const service = container.resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE)
    const customerModule = container.resolve(Modules.CUSTOMER)
    const prepared = []
    for (const segment of input) {
      prepared.push(await prepareNewSegment(service, segment))
    }
    const synced = prepared.filter((p) => p.sync_customer_group)
    for (const segment of synced) {
      await assertGroupNameFree(customerModule, segment.name)
    }
    const groups = synced.length
      ? await customerModule.createCustomerGroups(
          synced.map((p) => ({ name: p.name, metadata: { managed_by: "customer_segment" } }))
        )
      : []
    const groupOf = new Map(synced.map((p, i) => [p, groups[i].id]))
    const created = await service.createCustomerSegments(
      prepared.map((p) => ({
        ...p,
        rule: p.rule as Record<string, unknown> | null,
        customer_group_id: groupOf.get(p) ?? null,
      }))
    )
    return new StepResponse(created as unknown as CustomerSegmentData[], {
      segment_ids: created.map((s) => s.id),
      group_ids: groups.map((g) => g.id),
    })
  },
  async (data, { container }) => {
    if (!data) {
      return
    }
    const service = container.resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE)
    const customerModule = container.resolve(Modules.CUSTOMER)
    await service.deleteCustomerSegments(data.segment_ids)
    if (data.group_ids.length) {
      await customerModule.deleteCustomerGroups(data.group_ids)
    }
  }
)
