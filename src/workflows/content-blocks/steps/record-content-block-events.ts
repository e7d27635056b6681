import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { PERSONALIZATION_MODULE } from "../../../modules/personalization"
import type { EventToRecord } from "../../../modules/personalization/content-blocks/sql"
import type PersonalizationModuleService from "../../../modules/personalization/service"

export type RecordContentBlockEventsStepInput = { shopper_key: string; events: EventToRecord[]; now: Date }

export const recordContentBlockEventsStepId = "customer-suite-record-content-block-events"

/**
 * Counts the events not yet counted this hour for this shopper (overall and
 * per segment given). Answers how many were counted; compensation removes
 * them from the hourly table and the counters.
 */
export const recordContentBlockEventsStep = createStep(
  recordContentBlockEventsStepId,
  async (input: RecordContentBlockEventsStepInput, { container }) => {
    const service = container.resolve<PersonalizationModuleService>(PERSONALIZATION_MODULE)
    const recorded = await service.recordContentBlockEvents(input)
    return new StepResponse({ recorded: recorded.event_ids.length }, recorded)
  },
  async (recorded, { container }) => {
    if (!recorded) {
      return
    }
    await container.resolve<PersonalizationModuleService>(PERSONALIZATION_MODULE).revertContentBlockEvents(recorded)
  }
)
