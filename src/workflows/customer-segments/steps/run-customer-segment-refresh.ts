import type { IEventBusModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_SEGMENT_MODULE, CustomerSegmentEvents } from "../../../modules/customer_segment"
import type CustomerSegmentModuleService from "../../../modules/customer_segment/service"
import { CUSTOMER_SUITE_MODULE } from "../../../modules/customer_suite"
import type CustomerSuiteModuleService from "../../../modules/customer_suite/service"
import { membershipPayloads } from "../utils/membership-events"
import type { RefreshTrigger } from "../types"
import { segmentRefreshLock } from "../utils/locks"

/**
 * The segments whose rules read a segment whose members just changed are
 * refreshed after it (one queued run each is enough: one that has not
 * started yet will read the new memberships).
 */
async function queueReaders(
  service: CustomerSegmentModuleService,
  eventBus: IEventBusModuleService,
  segmentId: string
): Promise<void> {
  const readers = await service.listSegmentReaders([segmentId])
  if (readers.length === 0) {
    return
  }
  const waiting = await service.listCustomerSegmentRefreshRuns(
    { segment_id: readers.map((r) => r.id), status: "queued" },
    { select: ["segment_id"], take: null }
  )
  const queued = new Set(waiting.map((r) => r.segment_id))
  const due = readers.filter((r) => !queued.has(r.id))
  if (due.length === 0) {
    return
  }
  const runs = await service.createCustomerSegmentRefreshRuns(
    due.map((r) => ({ segment_id: r.id, trigger: "dependency" as const, status: "queued" as const }))
  )
  await eventBus.emit(
    runs.map((r) => ({ name: CustomerSegmentEvents.REFRESH_REQUESTED, data: { id: r.segment_id, run_id: r.id } }))
  )
}

export type RunRefreshStepInput = { segment_id: string; run_id?: string; trigger: RefreshTrigger }

export const runCustomerSegmentRefreshStepId = "customer-suite-run-customer-segment-refresh"

/** How long a refresh waits for another refresh of the same segment to finish. */
const LOCK_WAIT_SECONDS = 900

/**
 * Carries out a full refresh under a lock on the segment (two instances never
 * refresh one segment at once), recording the run. Each batch commits on its
 * own and its membership events go out right after it, so there is nothing
 * to compensate: a failed refresh leaves memberships correct for the batches
 * done, and the next refresh converges.
 */
export const runCustomerSegmentRefreshStep = createStep(
  runCustomerSegmentRefreshStepId,
  async (input: RunRefreshStepInput, { container }) => {
    const service = container.resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE)
    const suite = container.resolve<CustomerSuiteModuleService>(CUSTOMER_SUITE_MODULE)
    const eventBus = container.resolve(Modules.EVENT_BUS)
    const locking = container.resolve(Modules.LOCKING)

    const runId =
      input.run_id ??
      (await service.createCustomerSegmentRefreshRuns({ segment_id: input.segment_id, trigger: input.trigger })).id

    const run = await locking.execute(
      segmentRefreshLock(input.segment_id),
      async () => {
        const started = new Date()
        await service.updateCustomerSegmentRefreshRuns({ id: runId, status: "running", started_at: started })
        try {
          const result = await service.refreshSegmentMembers(input.segment_id, {
            now: started,
            batch_size: (await suite.getOptions()).segments.batch_size,
            onBatch: async (change) => {
              const payloads = membershipPayloads([change])
              await eventBus.emit(payloads.map((data) => ({ name: CustomerSegmentEvents.MEMBERSHIP_CHANGED, data })))
            },
          })
          if (result.added + result.removed > 0) {
            await queueReaders(service, eventBus, input.segment_id)
          }
          return await service.updateCustomerSegmentRefreshRuns({
            id: runId,
            status: "succeeded",
            matched: result.matched,
            added: result.added,
            removed: result.removed,
            duration_ms: result.duration_ms,
            finished_at: new Date(),
          })
        } catch (error) {
          await service.updateCustomerSegmentRefreshRuns({
            id: runId,
            status: "failed",
            error: (error as Error).message.slice(0, 2000),
            finished_at: new Date(),
            duration_ms: Date.now() - started.getTime(),
          })
          throw error
        }
      },
      { timeout: LOCK_WAIT_SECONDS }
    )
    return new StepResponse(run)
  }
)
