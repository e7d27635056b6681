import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_SEGMENT_MODULE } from "../../../modules/customer_segment"
import type CustomerSegmentModuleService from "../../../modules/customer_segment/service"
import type { FactsChange, MembershipChange } from "../../../modules/customer_segment/service"

export const evaluateCustomerSegmentsStepId = "customer-suite-evaluate-customer-segments"

/**
 * Re-evaluates the segments that read what changed for these customers and
 * writes the memberships that differ. Compensation undoes exactly those.
 */
export const evaluateCustomerSegmentsStep = createStep(
  evaluateCustomerSegmentsStepId,
  async (changes: FactsChange[], { container }) => {
    const service = container.resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE)
    const applied = changes.length ? await service.evaluateCustomerSegments(changes) : []
    return new StepResponse<MembershipChange[], MembershipChange[]>(applied, applied)
  },
  async (applied, { container }) => {
    if (!applied?.length) {
      return
    }
    const service = container.resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE)
    await service.applyMembershipChanges(applied, { invert: true })
  }
)
