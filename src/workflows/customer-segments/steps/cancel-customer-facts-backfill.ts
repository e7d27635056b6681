import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_SEGMENT_MODULE } from "../../../modules/customer_segment"
import type CustomerSegmentModuleService from "../../../modules/customer_segment/service"

export const cancelCustomerFactsBackfillStepId = "customer-suite-cancel-customer-facts-backfill"

type Before = { id: string; status: "queued" | "running"; lease_until: Date | null } | null

/**
 * Queued or running → canceled: a queued run never starts, a running one
 * stops at its next batch (the batch in flight rolls back; what was written
 * stays). Canceling a canceled run changes nothing; one that succeeded or
 * failed is refused (409), also when it ended just before. 404 when unknown.
 * Compensation puts the run back as it was, unless it moved on.
 */
export const cancelCustomerFactsBackfillStep = createStep(
  cancelCustomerFactsBackfillStepId,
  async (input: { id: string }, { container }) => {
    const service = container.resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE)
    const [existing] = await service.listCustomerFactsBackfills({ id: input.id }, { select: ["id", "status", "lease_until"], take: 1 })
    if (!existing) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Backfill with id: ${input.id} was not found`)
    }
    const canceled = await service.cancelFactsBackfill(input.id)
    if (canceled && (existing.status === "queued" || existing.status === "running")) {
      const before: Before = { id: input.id, status: existing.status, lease_until: existing.lease_until ?? null }
      return new StepResponse({ id: input.id }, before)
    }
    const [now] = await service.listCustomerFactsBackfills({ id: input.id }, { select: ["id", "status"], take: 1 })
    if (now?.status === "canceled") {
      return new StepResponse({ id: input.id }, null as Before)
    }
    throw new MedusaError(MedusaError.Types.CONFLICT, `The backfill ${input.id} already ${now?.status ?? existing.status}; only a queued or running one can be canceled`)
  },
  async (before, { container }) => {
    if (before) {
      await container.resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE).uncancelFactsBackfill(before.id, before)
    }
  }
)
