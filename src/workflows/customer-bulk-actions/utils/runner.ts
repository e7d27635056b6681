import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { CustomerSuiteEvents } from "../../../modules/customer_suite/events"
import type { BulkActionSelection, CustomerGridFilters } from "../../../types/http/customer-grid"
import type { ApplyBulkActionResult } from "./actions"
import { gridCustomerIds } from "../../customer-grid/utils/grid-query"
import { runCustomerBulkBatchWorkflow } from "../workflows/run-customer-bulk-batch"
import { claimBulkAction, claimableBulkActionIds, finishBulkAction, recordBulkBatch, renewBulkLease, type ClaimedBulkAction } from "./store"

/** Customers per batch (one workflow run each; the ids of one batch are all that is held in memory besides an ids selection). */
export const BULK_BATCH_SIZE = 200
/** Actions the resume job asks for per run. */
export const BULK_RESUME_LIMIT = 50

/** Ascending, as the cursor compares: by UTF-16 code units, the same everywhere (no locale). */
const ascending = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/**
 * The next batch of an action's customers after `cursor`, ascending by id:
 * from the ids given (sorted once per run), or those the filters match now
 * among the customers created before `createdBefore` (the action's creation):
 * customer ids grow with time, so customers created during the run would sort
 * after the cursor and be swept up (decision 0037).
 */
export function batchSource(container: MedusaContainer, selection: BulkActionSelection, batchSize: number, createdBefore: Date) {
  if (selection.kind === "ids") {
    const sorted = [...new Set(selection.ids)].sort(ascending)
    return async (cursor: string | null) => {
      let start = 0
      if (cursor !== null) {
        // First id after the cursor (binary search).
        let high = sorted.length
        while (start < high) {
          const middle = (start + high) >> 1
          if (sorted[middle] <= cursor) {
            start = middle + 1
          } else {
            high = middle
          }
        }
      }
      return sorted.slice(start, start + batchSize)
    }
  }
  const filters = selection.filters as CustomerGridFilters
  return (cursor: string | null) => gridCustomerIds(container, filters, { after: cursor, limit: batchSize, createdBefore })
}

/** Tries of a read or write the whole action depends on (the batch source, the batch's record), with a growing wait between them. */
export const BULK_RETRY_DELAYS_MS = [500, 2_000]
/** How often the lease is renewed while a batch runs: well within the lease. */
export const BULK_LEASE_RENEW_MS = 60_000

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** `work`, tried again after each delay while it throws (a dropped connection, a failover); the last error is thrown. */
export async function withRetries<T>(work: () => Promise<T>, delays: readonly number[] = BULK_RETRY_DELAYS_MS, onRetry?: (error: unknown, attempt: number) => void): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await work()
    } catch (error) {
      if (attempt >= delays.length) {
        throw error
      }
      onRetry?.(error, attempt + 1)
      await sleep(delays[attempt])
    }
  }
}

/**
 * The lease of a run, renewed on a timer while a batch runs (a slow batch —
 * 200 password resets through a slow email provider — is never taken over
 * mid-batch). Renewals and the batch's record never overlap: `pause` waits for
 * a renewal in flight before the lease is used as the record's token.
 */
class Lease {
  private timer: NodeJS.Timeout | null = null
  private inFlight: Promise<void> = Promise.resolve()
  /** Set once a renewal found the lease no longer this instance's (taken over). */
  lost = false
  /** Set once renewals are over for this run (lost, or the action was canceled). */
  private stopped = false

  constructor(
    private readonly container: MedusaContainer,
    private readonly id: string,
    public value: string,
    private readonly everyMs: number,
    private readonly onError: (error: unknown) => void
  ) {}

  resume(): void {
    if (this.timer || this.stopped) {
      return
    }
    this.timer = setInterval(() => {
      this.inFlight = this.inFlight.then(async () => {
        try {
          const renewed = await renewBulkLease(this.container, this.id, this.value)
          if (!renewed) {
            this.lost = true
          } else {
            this.value = new Date(renewed.lease_until).toISOString()
          }
          if (!renewed || renewed.status !== "running") {
            // Taken over, or canceled (never taken over; the batch is still recorded under this lease): no more renewals.
            this.stopped = true
            this.stopTimer()
          }
        } catch (error) {
          // Tried again on the next tick; the lease holds for minutes.
          this.onError(error)
        }
      })
    }, this.everyMs)
    this.timer.unref?.()
  }

  private stopTimer(): void {
    if (this.timer) {
      clearInterval(this.timer)
      this.timer = null
    }
  }

  /** Stops renewing and waits for a renewal in flight: `value` is then the lease the row holds (unless `lost`). */
  async pause(): Promise<void> {
    this.stopTimer()
    await this.inFlight
  }
}

export type BulkRunOutcome = "completed" | "failed" | "canceled" | "lost" | "not_claimed" | "interrupted"

/**
 * Runs a bulk action on this instance, if it can claim it (queued, or
 * running under an expired lease): batch after batch from its cursor, each
 * batch one workflow run, then recorded (failures, cursor, counts, renewed
 * lease), until no customer is left (completed), the action is canceled
 * (stops after the batch), another instance takes it over (lost), or
 * something stops the whole action (failed, with the reason in `error`; what
 * was done stays done). The lease is renewed on a timer while a batch runs.
 * The batch source and the record are tried 3 times; a batch applied but not
 * recorded leaves the action running under its lease (interrupted): once it
 * runs out, the resume job replays that batch, which is safe to repeat. A
 * delete stops (failed) before it would touch more customers than were
 * confirmed. Logged at start and end. Never throws for the action's own
 * failures.
 */
export async function runCustomerBulkAction(
  container: MedusaContainer,
  id: string,
  options: { batchSize?: number; leaseRenewMs?: number; retryDelaysMs?: readonly number[] } = {}
): Promise<BulkRunOutcome> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const claim: ClaimedBulkAction | null = await claimBulkAction(container, id)
  if (!claim) {
    return "not_claimed"
  }
  const what = `bulk action ${claim.id} (${claim.action}${claim.params.group_id ? ` group ${claim.params.group_id}` : ""}${claim.params.segment_id ? ` segment ${claim.params.segment_id}` : ""}, ${claim.total} customer(s) by ${claim.selection.kind}, user ${claim.user_id})`
  logger.info(`customer-suite: ${what} ${claim.cursor === null ? "started" : `resumed after ${claim.cursor} (${claim.processed} done)`}`)
  const delays = options.retryDelaysMs ?? BULK_RETRY_DELAYS_MS
  const retrying = (step: string) => (error: unknown, attempt: number) =>
    logger.warn(`customer-suite: ${what}: ${step} failed (try ${attempt} of ${delays.length + 1}), trying again: ${(error as Error)?.message ?? String(error)}`)
  const lease = new Lease(container, claim.id, new Date(claim.lease_until).toISOString(), options.leaseRenewMs ?? BULK_LEASE_RENEW_MS, (error) =>
    logger.warn(`customer-suite: ${what}: renewing the lease failed (tried again): ${(error as Error)?.message ?? String(error)}`)
  )
  let cursor = claim.cursor
  let processed = claim.processed
  const next = batchSource(container, claim.selection, options.batchSize ?? BULK_BATCH_SIZE, new Date(claim.created_at))
  const totals = { succeeded: 0, failed: 0 }
  try {
    for (;;) {
      const ids = await withRetries(() => next(cursor), delays, retrying("reading the next batch"))
      if (!ids.length) {
        await withRetries(() => finishBulkAction(container, claim.id, lease.value, { status: "completed" }), delays, retrying("finishing"))
        logger.info(`customer-suite: ${what} completed (this run: ${totals.succeeded} succeeded, ${totals.failed} failed)`)
        return "completed"
      }
      if (claim.action === "delete" && processed + ids.length > claim.total) {
        // Never more than the confirmation named: customers that came to match the filters since are not deleted.
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `delete: stopped before deleting more customers than the ${claim.total.toLocaleString("en-US")} confirmed (${processed.toLocaleString("en-US")} done, ${ids.length} more still match the filters); start a new delete to go on`
        )
      }
      lease.resume()
      let outcome: ApplyBulkActionResult
      try {
        outcome = (
          await runCustomerBulkBatchWorkflow(container).run({
            input: { action: claim.action, params: claim.params, user_id: claim.user_id, customer_ids: ids, since: new Date(claim.started_at).toISOString() },
          })
        ).result
      } finally {
        await lease.pause()
      }
      if (lease.lost) {
        logger.warn(`customer-suite: ${what} was taken over by another instance during a batch; this one stops without recording it`)
        return "lost"
      }
      const batchCursor = ids[ids.length - 1]
      let recorded
      try {
        recorded = await withRetries(
          () =>
            recordBulkBatch(container, {
              bulk_action_id: claim.id,
              lease_until: lease.value,
              cursor: batchCursor,
              processed: ids.length,
              succeeded: outcome.succeeded.length,
              failures: outcome.failures,
            }),
          delays,
          retrying("recording the batch")
        )
      } catch (error) {
        // Applied but not recorded: left running under its lease; once it runs out, the resume job replays this batch.
        logger.error(
          `customer-suite: ${what}: the batch after ${cursor ?? "its start"} was applied but could not be recorded (${(error as Error)?.message ?? String(error)}); left to the resume job once the lease runs out`
        )
        return "interrupted"
      }
      if (!recorded) {
        logger.warn(`customer-suite: ${what} was taken over by another instance (its lease ran out); this one stops`)
        return "lost"
      }
      totals.succeeded += outcome.succeeded.length
      totals.failed += outcome.failures.length
      processed += ids.length
      cursor = batchCursor
      lease.value = new Date(recorded.lease_until).toISOString()
      if (recorded.status === "canceled") {
        await finishBulkAction(container, claim.id, lease.value, { status: "completed" })
        logger.info(`customer-suite: ${what} canceled; stopped after ${cursor} (this run: ${totals.succeeded} succeeded, ${totals.failed} failed)`)
        return "canceled"
      }
    }
  } catch (error) {
    await lease.pause()
    const message = (error as Error)?.message ?? String(error)
    await finishBulkAction(container, claim.id, lease.value, { status: "failed", error: message.slice(0, 2_000) }).catch((e: unknown) =>
      logger.error(`customer-suite: ${what}: marking it failed did not work (${(e as Error)?.message ?? String(e)}); the resume job takes it up once the lease runs out`)
    )
    logger.error(`customer-suite: ${what} failed after ${cursor ?? "its start"}: ${message}`)
    return "failed"
  } finally {
    await lease.pause()
  }
}

/**
 * The resume job's work: asks for every action that is queued (its event may
 * have been lost) or running under an expired lease (its instance stopped),
 * oldest first; the subscriber claims each one (at most one instance wins)
 * and resumes it after its cursor. Answers the ids asked for.
 */
export async function requestClaimableBulkActions(container: MedusaContainer, limit = BULK_RESUME_LIMIT): Promise<string[]> {
  const ids = await claimableBulkActionIds(container, limit)
  if (ids.length) {
    await container.resolve(Modules.EVENT_BUS).emit(ids.map((id) => ({ name: CustomerSuiteEvents.BULK_ACTION_REQUESTED, data: { id } })))
  }
  return ids
}
