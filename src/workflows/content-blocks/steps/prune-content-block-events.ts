import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { PERSONALIZATION_MODULE } from "../../../modules/personalization"
import type PersonalizationModuleService from "../../../modules/personalization/service"

export const pruneContentBlockEventsStepId = "customer-suite-prune-content-block-events"

/**
 * Deletes the hourly deduplication rows of hours before `before`. No
 * compensation: those rows dedupe hours that are over, so nothing reads them
 * again (the daily counters are untouched).
 */
export const pruneContentBlockEventsStep = createStep(pruneContentBlockEventsStepId, async (before: Date, { container }) => {
  const service = container.resolve<PersonalizationModuleService>(PERSONALIZATION_MODULE)
  return new StepResponse(await service.pruneContentBlockEvents(before))
})
