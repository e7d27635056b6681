import { MedusaError, Modules } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_SEGMENT_MODULE } from "../../../modules/customer_segment"
import type CustomerSegmentModuleService from "../../../modules/customer_segment/service"

export const deleteCustomerSegmentsStepId = "customer-suite-delete-customer-segments"

/**
 * Soft-deletes segments and the customer groups they manage (customers are
 * never touched). Compensation restores both.
 */
export const deleteCustomerSegmentsStep = createStep(
  deleteCustomerSegmentsStepId,
  async (ids: string[], { container }) => {
    const service = container.resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE)
    const customerModule = container.resolve(Modules.CUSTOMER)
    const segments = await service.listCustomerSegments({ id: ids }, { select: ["id", "name", "customer_group_id"] })
    // A segment another segment's rule reads stays (that rule would silently match on a segment that is gone).
    const readers = await service.listSegmentReaders(segments.map((s) => s.id))
    if (readers.length) {
      const names = new Map(segments.map((s) => [s.id, s.name]))
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        readers
          .map((r) => `"${r.name}" (${r.id}) reads ${r.reads.filter((id) => names.has(id)).map((id) => `"${names.get(id)}"`).join(", ")}`)
          .join("; ") + ": change or delete those segments first"
      )
    }
    const groupIds = segments.map((s) => s.customer_group_id).filter((id): id is string => Boolean(id))
    await service.softDeleteCustomerSegments(segments.map((s) => s.id))
    if (groupIds.length) {
      await customerModule.softDeleteCustomerGroups(groupIds)
    }
    return new StepResponse(segments.map((s) => s.id), { segment_ids: segments.map((s) => s.id), group_ids: groupIds })
  },
  async (data, { container }) => {
    if (!data) {
      return
    }
    const service = container.resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE)
    const customerModule = container.resolve(Modules.CUSTOMER)
    await service.restoreCustomerSegments(data.segment_ids)
    if (data.group_ids.length) {
      await customerModule.restoreCustomerGroups(data.group_ids)
    }
  }
)
