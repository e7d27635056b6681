import { Modules } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_SEGMENT_MODULE } from "../../../modules/customer_segment"
import type CustomerSegmentModuleService from "../../../modules/customer_segment/service"
import { segmentRefreshLock } from "../utils/locks"

export const purgeCustomerSegmentMembersStepId = "customer-suite-purge-customer-segment-members"

/** Removes the memberships of deleted segments. Last step of the delete workflow: nothing after it can fail. */
export const purgeCustomerSegmentMembersStep = createStep(
  purgeCustomerSegmentMembersStepId,
  async (ids: string[], { container }) => {
    const service = container.resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE)
    const locking = container.resolve(Modules.LOCKING)
    // After any refresh still running on these segments (it holds their locks).
    for (const id of ids) {
      await locking.execute(segmentRefreshLock(id), () => service.purgeSegmentMembers([id]), {
        timeout: 900,
      })
    }
    return new StepResponse(ids)
  }
)
