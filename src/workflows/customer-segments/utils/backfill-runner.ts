import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CUSTOMER_ACTIVITY_MODULE } from "../../../modules/customer_activity"
import type CustomerActivityModuleService from "../../../modules/customer_activity/service"
import { CUSTOMER_SEGMENT_MODULE } from "../../../modules/customer_segment"
import type CustomerSegmentModuleService from "../../../modules/customer_segment/service"
import { BackfillLeaseLost, DeferredIndexFailed, type FactsBackfillRow } from "../../../modules/customer_segment/service"
import { PERSONALIZATION_MODULE } from "../../../modules/personalization"
import type PersonalizationModuleService from "../../../modules/personalization/service"
import { requestCustomerSegmentRefreshWorkflow } from "../workflows/request-customer-segment-refresh"

/** How long a claim holds without a batch written: far above one batch (about a second at 5,000 customers). */
export const BACKFILL_LEASE_SECONDS = 120
/** Customers per batch unless the request says otherwise. */
export const BACKFILL_BATCH_SIZE = 5000
/**
 * After each batch the run waits this share of the batch's time (at least
 * YIELD_MIN_MS): real-time fact writers waiting on the batch's locks, and the
 * store's own statements, get the database between batches.
 */
export const BACKFILL_YIELD_RATIO = 0.1
const YIELD_MIN_MS = 5
/**
 * A run that starts on a projection holding under a tenth of this many
 * customers or more defers the projection's secondary indexes to its end
 * (decision 0060): below it, building them afterwards saves little.
 */
export const BACKFILL_DEFER_INDEXES_MIN = 100_000

export type BackfillOutcome = "succeeded" | "failed" | "canceled" | "lost" | "not_claimed"

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
const message = (error: unknown) => (error as Error)?.message ?? String(error)

/**
 * Runs a backfill on this instance if it can claim it (queued, or running
 * under an expired lease): batch after batch from its checkpoint, each batch
 * written and recorded in one transaction (sql/backfill.ts), until no
 * customer is left; then analyses the projection, queues a refresh of every
 * active dynamic segment and ends the run. Stops when the run is canceled or
 * taken over (its batch in flight rolls back). A failing batch is tried
 * again twice, then the run fails with the reason; what was written stays,
 * and a new run starts over. Never throws for the run's own failures.
 */
export async function runFactsBackfill(
  container: MedusaContainer,
  id: string,
  options: {
    leaseSeconds?: number
    yieldRatio?: number
    retryDelaysMs?: readonly number[]
    maxBatches?: number
    /** Customers from which indexes are deferred (BACKFILL_DEFER_INDEXES_MIN). */
    deferIndexesMin?: number
  } = {}
): Promise<BackfillOutcome> {
  const service = container.resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE)
  const personalization = container.resolve<PersonalizationModuleService>(PERSONALIZATION_MODULE)
  const activity = container.resolve<CustomerActivityModuleService>(CUSTOMER_ACTIVITY_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const leaseSeconds = options.leaseSeconds ?? BACKFILL_LEASE_SECONDS
  const yieldRatio = options.yieldRatio ?? BACKFILL_YIELD_RATIO
  const retryDelays = options.retryDelaysMs ?? [1_000, 5_000]

  const run = await service.claimFactsBackfill(id, leaseSeconds)
  if (!run) {
    return "not_claimed"
  }
  let lease = new Date(run.lease_until!)
  let after = run.checkpoint
  let customers = run.customers_done
  let orders = run.orders_done
  let batches = 0
  logger.info(
    `customer-suite: backfill ${run.id} ${after === null ? "started" : `resumed after ${after} (${customers} customers done)`}, batches of ${run.batch_size}`
  )
  const startedAt = Date.now()
  const deferMin = options.deferIndexesMin ?? BACKFILL_DEFER_INDEXES_MIN
  if (after === null && customers === 0 && run.customers_estimate >= deferMin) {
    // An empty projection (install): its secondary indexes are built once at the end instead of kept up row by row.
    const deferred = await service
      .deferFactsIndexes(run.id, lease, Math.max(1, Math.floor(run.customers_estimate / 10)))
      .catch((error) => {
        logger.warn(`customer-suite: backfill ${run.id}: indexes not deferred, writing with them: ${message(error)}`)
        return []
      })
    if (deferred.length) {
      logger.info(`customer-suite: backfill ${run.id}: ${deferred.length} indexes of the projection deferred to the end of the run`)
    }
  }
  // Statistics help the batches' plans; failing to gather them (a lock conflict with an index build, say) never fails the run.
  const analyze = () =>
    service.analyzeCustomerFacts().catch((error) => logger.warn(`customer-suite: backfill ${run.id}: ANALYZE of the projection failed, going on: ${message(error)}`))
  try {
    for (;;) {
      if (options.maxBatches !== undefined && batches >= options.maxBatches) {
        // Tests stop a run midway, as a crash would: the lease is left to run out.
        return "lost"
      }
      const batchStarted = Date.now()
      let written: Awaited<ReturnType<CustomerSegmentModuleService["writeFactsBackfillBatch"]>> | null = null
      let ids: string[] = []
      for (let attempt = 0; ; attempt++) {
        try {
          ids = await service.nextBackfillCustomerIds(after, run.batch_size)
          const [audiences, lastSeen] = await Promise.all([
            personalization.mapCustomersAudienceIds(ids),
            activity.mapCustomersLastSeen(ids),
          ])
          const last = ids.length < run.batch_size
          written = await service.writeFactsBackfillBatch(
            { id: run.id, lease_until: lease, lease_seconds: leaseSeconds, prepared_ms: Date.now() - batchStarted },
            { customerIds: ids, after, upto: last ? null : ids[ids.length - 1], audiences, lastSeen }
          )
          break
        } catch (error) {
          if (error instanceof BackfillLeaseLost || attempt >= retryDelays.length) {
            throw error
          }
          logger.warn(`customer-suite: backfill ${run.id}: a batch after ${after ?? "the start"} failed (try ${attempt + 1}), trying again: ${message(error)}`)
          await sleep(retryDelays[attempt])
        }
      }
      lease = new Date(written.lease_until)
      customers += written.customers
      orders += written.orders
      batches += 1
      if ((batches & (batches - 1)) === 0) {
        // After batches 1, 2, 4, 8, …: the projection's statistics follow its growth. Without them (a new or
        // emptied projection, a server that has not analysed it yet) the planner scans whole tables where an
        // index finds a batch's rows, and every batch costs more than the one before (measured: 0.5 s per
        // DELETE at 650,000 purchase rows, growing with the table).
        await analyze()
      }
      if (ids.length < run.batch_size) {
        break
      }
      after = ids[ids.length - 1]
      await sleep(Math.max(YIELD_MIN_MS, (Date.now() - batchStarted) * yieldRatio))
    }
    // The projection was just rewritten: its deferred indexes back, then statistics for the rule statements' plans.
    const finishing = Date.now()
    const held = await buildDeferredFactsIndexes(container, run.id, {
      renew: async () => {
        const renewed = await service.renewFactsBackfillLease(run.id, lease, leaseSeconds)
        if (renewed) {
          lease = new Date(renewed)
        }
        return renewed !== null
      },
      everyMs: (leaseSeconds * 1000) / 4,
    })
    if (!held) {
      throw new BackfillLeaseLost(run.id)
    }
    await analyze()
    const segments = await service.listCustomerSegments({ status: "active", kind: "dynamic" }, { select: ["id"], take: null })
    const { result: refreshRuns } = await requestCustomerSegmentRefreshWorkflow(container).run({
      input: { segment_ids: segments.map((s) => s.id), trigger: "backfill" },
    })
    const ended = await service.finishFactsBackfill(run.id, lease, {
      status: "succeeded",
      refresh_run_ids: refreshRuns.map((r) => r.id),
      elapsed_ms: Date.now() - finishing,
    })
    if (!ended) {
      return "lost"
    }
    const seconds = Math.max(1, Date.now() - startedAt) / 1000
    logger.info(
      `customer-suite: backfill ${run.id} succeeded: ${customers} customers, ${orders} orders (this instance: ${batches} batches in ${seconds.toFixed(1)} s); ${refreshRuns.length} segment refresh(es) queued`
    )
    return "succeeded"
  } catch (error) {
    if (error instanceof BackfillLeaseLost) {
      const now = await service.retrieveCustomerFactsBackfill(run.id, { select: ["status"] }).catch(() => null)
      const canceled = now?.status === "canceled"
      if (canceled) {
        // Its deferred indexes come back now (else the backfill job builds them within a minute).
        await buildDeferredFactsIndexes(container, run.id).catch((e) =>
          logger.warn(`customer-suite: backfill ${run.id}: deferred indexes not built yet, the backfill job will: ${message(e)}`)
        )
      }
      logger.info(`customer-suite: backfill ${run.id} stopped here: ${canceled ? "canceled" : "taken over by another instance"}`)
      return canceled ? "canceled" : "lost"
    }
    logger.error(`customer-suite: backfill ${run.id} failed after ${customers} customers: ${message(error)}`)
    const ended = await service
      .finishFactsBackfill(run.id, lease, { status: "failed", error: message(error) })
      .catch(() => false)
    if (ended) {
      await buildDeferredFactsIndexes(container, run.id).catch((e) =>
        logger.warn(`customer-suite: backfill ${run.id}: deferred indexes not built yet, the backfill job will: ${message(e)}`)
      )
    }
    return ended ? "failed" : "lost"
  }
}

/**
 * Builds the indexes a run deferred, one per transaction (each struck from the
 * run as it is built; another instance building at once waits, then finds it
 * done). While it builds, `heartbeat.renew` is called every `everyMs` (the
 * runner keeps its lease: an index of a big projection can take longer than
 * the lease). An index that cannot be built is given up: struck from the run
 * and recorded in its error with its definition, never retried forever.
 * Answers false when a renewal found the run no longer held (all indexes are
 * built anyway).
 */
export async function buildDeferredFactsIndexes(
  container: MedusaContainer,
  id: string,
  heartbeat?: { renew: () => Promise<boolean>; everyMs: number },
  /** wait: false returns at once when another instance is building (the job's way: it comes back in a minute). */
  options: { wait?: boolean } = {}
): Promise<boolean> {
  const service = container.resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  let held = true
  // Renewals one after another (never two at once), while the indexes are built.
  let renewals: Promise<void> = Promise.resolve()
  const renew = () => {
    renewals = renewals.then(async () => {
      held = (await heartbeat!.renew().catch(() => true)) && held
    })
  }
  const timer = heartbeat ? setInterval(renew, heartbeat.everyMs) : undefined
  try {
    for (let built = 0; ; ) {
      const started = Date.now()
      let index: Awaited<ReturnType<CustomerSegmentModuleService["buildNextDeferredFactsIndex"]>>
      try {
        index = await service.buildNextDeferredFactsIndex(id, { wait: options.wait ?? true })
      } catch (error) {
        if (!(error instanceof DeferredIndexFailed)) {
          throw error
        }
        // Never retried forever (each try reads the whole table): struck from the run, recorded in its error.
        const reason = message(error.cause)
        logger.error(`customer-suite: backfill ${id}: ${error.message}; create it by hand: ${error.index.definition}`)
        await service.giveUpDeferredFactsIndex(id, error.index, reason)
        continue
      }
      if (index === "busy") {
        logger.info(`customer-suite: backfill ${id}: another instance is building deferred indexes; later`)
        break
      }
      if (!index) {
        if (built) {
          logger.info(`customer-suite: backfill ${id}: ${built} deferred indexes built`)
        }
        break
      }
      built++
      logger.info(`customer-suite: backfill ${id}: index ${index.name} built in ${((Date.now() - started) / 1000).toFixed(1)} s`)
    }
  } finally {
    clearInterval(timer)
  }
  if (heartbeat) {
    // One last renewal: the lease the caller goes on with, and whether the run is still its own.
    renew()
    await renewals
  }
  return held
}

/**
 * Queues a backfill and runs it here, to its end (the demo seed, the
 * benchmarks): no event, so no other instance is asked to; if one claims it
 * first anyway (its resume job), this waits for the run to end. Answers the
 * ended run.
 */
export async function backfillNow(
  container: MedusaContainer,
  input: { batch_size?: number; trigger?: "manual" | "install"; requested_by?: string | null } = {}
): Promise<FactsBackfillRow> {
  const service = container.resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE)
  const untilEnded = async (id: string): Promise<FactsBackfillRow> => {
    // Run here when it can be claimed; otherwise another instance runs it: wait.
    await runFactsBackfill(container, id)
    for (;;) {
      const [run] = await service.listCustomerFactsBackfills({ id }, { take: 1 })
      if (!run || (run.status !== "queued" && run.status !== "running")) {
        return run as unknown as FactsBackfillRow
      }
      await sleep(1_000)
    }
  }
  for (;;) {
    const queued = await service
      .queueFactsBackfill({
        trigger: input.trigger ?? "manual",
        requested_by: input.requested_by ?? null,
        batch_size: input.batch_size ?? BACKFILL_BATCH_SIZE,
      })
      .catch(async (error) => {
        // Another run (say, the install job's) is queued or running: it may have read older data; let it end, then run ours.
        const [active] = await service.listActiveFactsBackfills()
        if (!active) {
          throw error
        }
        await untilEnded(active.id)
        return null
      })
    if (queued) {
      return untilEnded(queued.id)
    }
  }
}
