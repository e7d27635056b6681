import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_SEGMENT_MODULE } from "../../../modules/customer_segment"
import type CustomerSegmentModuleService from "../../../modules/customer_segment/service"
import type { RefreshTrigger } from "../types"

export type QueueRefreshStepInput = { segment_ids: string[]; trigger: RefreshTrigger }

export const queueCustomerSegmentRefreshStepId = "customer-suite-queue-customer-segment-refresh"

/** Records queued refresh runs (the worker picks them up from the event). Compensation deletes them. */
export const queueCustomerSegmentRefreshStep = createStep(
  queueCustomerSegmentRefreshStepId,
  async (input: QueueRefreshStepInput, { container }) => {
    const service = container.resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE)
    if (input.segment_ids.length === 0) {
      return new StepResponse([], [])
    }
    // Segments that read others come after them (their runs start in this order).
    const ordered = await service.orderForRefresh(input.segment_ids)
    const runs = await service.createCustomerSegmentRefreshRuns(
      ordered.map((segment_id) => ({ segment_id, trigger: input.trigger, status: "queued" as const }))
    )
    return new StepResponse(
      runs.map((r) => ({ id: r.id, segment_id: r.segment_id })),
      runs.map((r) => r.id)
    )
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    const service = container.resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE)
    await service.deleteCustomerSegmentRefreshRuns(ids)
  }
)
