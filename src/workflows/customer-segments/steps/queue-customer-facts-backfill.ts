import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_SEGMENT_MODULE } from "../../../modules/customer_segment"
import type CustomerSegmentModuleService from "../../../modules/customer_segment/service"
import type { FactsBackfillRow } from "../../../modules/customer_segment/service"

export type QueueFactsBackfillStepInput = { trigger: "manual" | "install"; requested_by?: string | null; batch_size: number }

export const queueCustomerFactsBackfillStepId = "customer-suite-queue-customer-facts-backfill"

/** Records a queued backfill run (409 when one is queued or running). Compensation cancels it. */
export const queueCustomerFactsBackfillStep = createStep(
  queueCustomerFactsBackfillStepId,
  async (input: QueueFactsBackfillStepInput, { container }) => {
    const service = container.resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE)
    const run: FactsBackfillRow = await service.queueFactsBackfill({
      trigger: input.trigger,
      requested_by: input.requested_by ?? null,
      batch_size: input.batch_size,
    })
    return new StepResponse(run, run.id)
  },
  async (id, { container }) => {
    if (id) {
      await container.resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE).cancelFactsBackfill(id)
    }
  }
)
