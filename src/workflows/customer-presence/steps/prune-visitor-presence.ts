import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_ACTIVITY_MODULE } from "../../../modules/customer_activity"
import type CustomerActivityModuleService from "../../../modules/customer_activity/service"

export type PruneVisitorPresenceStepInput = { before: Date; limit: number }

export const pruneVisitorPresenceStepId = "customer-suite-prune-visitor-presence"

/**
 * Deletes up to `limit` visitor presence rows last seen before `before`. No
 * compensation: a guest cart not seen for the retention period is no one's
 * presence any more (a new request makes a new row).
 */
export const pruneVisitorPresenceStep = createStep(pruneVisitorPresenceStepId, async (input: PruneVisitorPresenceStepInput, { container }) => {
  const service = container.resolve<CustomerActivityModuleService>(CUSTOMER_ACTIVITY_MODULE)
  return new StepResponse(await service.pruneVisitorPresence(input.before, input.limit))
})
