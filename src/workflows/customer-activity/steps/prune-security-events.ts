import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_ACTIVITY_MODULE } from "../../../modules/customer_activity"
import type CustomerActivityModuleService from "../../../modules/customer_activity/service"

export type PruneSecurityEventsInput = { before: Date; batch_size?: number; max_batches?: number }

export const PRUNE_SECURITY_EVENTS_BATCH = 5_000
/** Batches per run: a larger backlog goes in the next runs (the job is hourly), never in one endless loop. */
export const PRUNE_SECURITY_EVENTS_MAX_BATCHES = 100

export const pruneSecurityEventsStepId = "customer-suite-prune-security-events"
/**
 * Deletes the security log rows older than `before`, one bounded statement
 * at a time (no long lock, no huge transaction) until none is left or
 * `max_batches` statements have run (the rest waits for the next run). Rows past
 * the retention period are not restored: there is no compensation.
 */
export const pruneSecurityEventsStep = createStep(pruneSecurityEventsStepId, async (input: PruneSecurityEventsInput, { container }) => {
  const service = container.resolve<CustomerActivityModuleService>(CUSTOMER_ACTIVITY_MODULE)
  const batch = input.batch_size ?? PRUNE_SECURITY_EVENTS_BATCH
  const maxBatches = Math.max(1, input.max_batches ?? PRUNE_SECURITY_EVENTS_MAX_BATCHES)
  let deleted = 0
  let batches = 0
  while (batches < maxBatches) {
    const n = await service.pruneSecurityEvents(new Date(input.before), batch)
    deleted += n
    batches += 1
    if (n < batch) {
      break
    }
  }
  return new StepResponse({ deleted, batches })
})
