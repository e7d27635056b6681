import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { CustomerSuiteEvents } from "../../../modules/customer_suite/events"
import type { BulkActionSelection, CustomerGridFilters } from "../../../types/http/customer-grid"
import { gridCustomerIds } from "../../customer-grid/utils/grid-query"
import { runCustomerBulkBatchWorkflow } from "../workflows/run-customer-bulk-batch"
import { claimBulkAction, claimableBulkActionIds, finishBulkAction, type ClaimedBulkAction } from "./store"

/** Customers per batch (one workflow run each; the ids of one batch are all that is held in memory besides an ids selection). */
export const BULK_BATCH_SIZE = 200
/** Actions the resume job asks for per run. */
export const BULK_RESUME_LIMIT = 50

/** Ascending, as the cursor compares: by UTF-16 code units, the same everywhere (no locale). */
const ascending = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/**
 * The next batch of an action's customers after `cursor`, ascending by id:
 * from the ids given (sorted once per run), or those the filters match now.
 */
export function batchSource(container: MedusaContainer, selection: BulkActionSelection, batchSize: number) {
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
  return (cursor: string | null) => gridCustomerIds(container, filters, { after: cursor, limit: batchSize })
}

export type BulkRunOutcome = "completed" | "failed" | "canceled" | "lost" | "not_claimed"

/**
 * Runs a bulk action on this instance, if it can claim it (queued, or
 * running under an expired lease): batch after batch from its cursor, each
 * batch one workflow run that also renews the lease, until no customer is
 * left (completed), the action is canceled (stops after the batch), another
 * instance takes it over (lost), or something stops the whole action
 * (failed, with the reason in `error`; what was done stays done). Logged at
 * start and end. Never throws for the action's own failures.
 */
export async function runCustomerBulkAction(container: MedusaContainer, id: string, options: { batchSize?: number } = {}): Promise<BulkRunOutcome> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const claim: ClaimedBulkAction | null = await claimBulkAction(container, id)
  if (!claim) {
    return "not_claimed"
  }
  const what = `bulk action ${claim.id} (${claim.action}${claim.params.group_id ? ` group ${claim.params.group_id}` : ""}${claim.params.segment_id ? ` segment ${claim.params.segment_id}` : ""}, ${claim.total} customer(s) by ${claim.selection.kind}, user ${claim.user_id})`
  logger.info(`customer-suite: ${what} ${claim.cursor === null ? "started" : `resumed after ${claim.cursor} (${claim.processed} done)`}`)
  let lease = new Date(claim.lease_until).toISOString()
  let cursor = claim.cursor
  const next = batchSource(container, claim.selection, options.batchSize ?? BULK_BATCH_SIZE)
  const totals = { succeeded: 0, failed: 0 }
  try {
    for (;;) {
      const ids = await next(cursor)
      if (!ids.length) {
        await finishBulkAction(container, claim.id, lease, { status: "completed" })
        logger.info(`customer-suite: ${what} completed (this run: ${totals.succeeded} succeeded, ${totals.failed} failed)`)
        return "completed"
      }
      const { result } = await runCustomerBulkBatchWorkflow(container).run({
        input: { bulk_action_id: claim.id, lease_until: lease, action: claim.action, params: claim.params, user_id: claim.user_id, customer_ids: ids },
      })
      if (!result) {
        logger.warn(`customer-suite: ${what} was taken over by another instance (its lease ran out); this one stops`)
        return "lost"
      }
      totals.succeeded += result.succeeded
      totals.failed += result.failed
      cursor = ids[ids.length - 1]
      lease = result.lease_until
      if (result.status === "canceled") {
        await finishBulkAction(container, claim.id, lease, { status: "completed" })
        logger.info(`customer-suite: ${what} canceled; stopped after ${cursor} (this run: ${totals.succeeded} succeeded, ${totals.failed} failed)`)
        return "canceled"
      }
    }
  } catch (error) {
    const message = (error as Error)?.message ?? String(error)
    await finishBulkAction(container, claim.id, lease, { status: "failed", error: message.slice(0, 2_000) })
    logger.error(`customer-suite: ${what} failed after ${cursor ?? "its start"}: ${message}`)
    return "failed"
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
