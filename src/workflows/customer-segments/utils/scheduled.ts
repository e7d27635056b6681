import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { CUSTOMER_SEGMENT_MODULE } from "../../../modules/customer_segment"
import type CustomerSegmentModuleService from "../../../modules/customer_segment/service"
import { CUSTOMER_SUITE_MODULE } from "../../../modules/customer_suite"
import { cronMatches } from "../../../modules/customer_suite/cron"
import type CustomerSuiteModuleService from "../../../modules/customer_suite/service"
import { CustomerSegmentEvents } from "../../../modules/customer_segment/events"
import { backfillCustomerFactsWorkflow } from "../workflows/backfill-customer-facts"
import { BACKFILL_BATCH_SIZE, buildDeferredFactsIndexes } from "./backfill-runner"
import { requestCustomerSegmentRefreshWorkflow } from "../workflows/request-customer-segment-refresh"

/**
 * What the segment jobs do, callable with a given time (the jobs pass now).
 *
 * Segments whose rules use relative dates (`last_order_date > -30d`) change
 * with time alone: when `segments.refresh_schedule` is due at `now`, queue a
 * refresh of each. A lock named after the minute, taken with an expiry and
 * never released, lets exactly one instance do it. Returns the queued run ids.
 */
export async function refreshScheduledSegments(container: MedusaContainer, now: Date): Promise<string[]> {
  const suite = container.resolve<CustomerSuiteModuleService>(CUSTOMER_SUITE_MODULE)
  const { enabled, refresh_schedule } = (await suite.getOptions()).segments
  if (!enabled || !cronMatches(refresh_schedule, now)) {
    return []
  }
  const locking = container.resolve(Modules.LOCKING)
  const minute = now.toISOString().slice(0, 16)
  const acquired = await locking
    .acquire(`customer-suite:segment-schedule:${minute}`, { ownerId: `segment-schedule:${minute}:${Math.random()}`, expire: 120 })
    .then(
      () => true,
      () => false
    )
  if (!acquired) {
    return []
  }
  const service = container.resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE)
  const segments = await service.listCustomerSegments(
    { status: "active", kind: "dynamic", relative_dates: true },
    { select: ["id"], take: null }
  )
  if (segments.length === 0) {
    return []
  }
  const { result } = await requestCustomerSegmentRefreshWorkflow(container).run({
    input: { segment_ids: segments.map((s) => s.id), trigger: "schedule" },
  })
  return result.map((run) => run.id)
}

/**
 * After the plugin is installed into a store that already has customers, the
 * facts projection is empty: queue a backfill to build it (trigger
 * "install"), unless one is queued or running, or an install run was
 * queued before (whatever became of it). Returns the queued run's id.
 */
export async function queueBackfillIfEmpty(container: MedusaContainer): Promise<string | null> {
  const suite = container.resolve<CustomerSuiteModuleService>(CUSTOMER_SUITE_MODULE)
  if (!(await suite.getOptions()).segments.enabled) {
    return null
  }
  const service = container.resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  // One row is enough (this runs every minute: never a count of the whole projection).
  const anyProfile = await service.listCustomerProfiles({}, { select: ["id"], take: 1 })
  if (anyProfile.length > 0 || (await service.listActiveFactsBackfills()).length > 0) {
    return null
  }
  // Once: an install run that was canceled or failed is not queued again every minute (a rebuild is then the admin's).
  if ((await service.listCustomerFactsBackfills({ trigger: "install" }, { select: ["id"], take: 1 })).length > 0) {
    return null
  }
  const { data } = await query.graph({ entity: "customer", fields: ["id"], pagination: { take: 1 } })
  if (data.length === 0) {
    return null
  }
  const { result, errors } = await backfillCustomerFactsWorkflow(container).run({
    input: { trigger: "install", batch_size: BACKFILL_BATCH_SIZE },
    throwOnError: false,
  })
  if (errors.length) {
    // Another instance queued one first (409): nothing more to do. Anything else is a failure.
    const error = errors[0].error as { type?: unknown }
    if (error?.type === MedusaError.Types.CONFLICT) {
      return null
    }
    throw errors[0].error
  }
  return result.id
}

/**
 * Builds the indexes a backfill deferred (decision 0060) when it ended without
 * building them: failed or canceled while its instance was gone. Never waits
 * for another instance building (it comes back next minute); an index that
 * cannot be built is given up and recorded on its run. Answers the runs left
 * with none to build.
 */
export async function buildIndexesOfEndedBackfills(container: MedusaContainer): Promise<string[]> {
  const service = container.resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE)
  // A running run builds its own at its end (or, once its lease ran out, the instance that resumes it does).
  const ended = (await service.listRunsWithDeferredFactsIndexes()).filter((r) => r.status !== "queued" && r.status !== "running")
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  for (const run of ended) {
    try {
      await buildDeferredFactsIndexes(container, run.id, undefined, { wait: false })
    } catch (error) {
      logger.warn(`customer-suite: backfill ${run.id}: deferred indexes not built, next minute: ${(error as Error)?.message ?? error}`)
    }
  }
  const left = new Set((await service.listRunsWithDeferredFactsIndexes()).map((r) => r.id))
  return ended.map((r) => r.id).filter((id) => !left.has(id))
}

/**
 * Backfill runs an instance may take — queued (their request event was lost)
 * or running under an expired lease (the instance running them stopped) —
 * requested again; the subscriber claims each (one instance wins) and resumes
 * it after its checkpoint. Returns their ids.
 */
export async function requestClaimableBackfills(container: MedusaContainer): Promise<string[]> {
  const ids = await container.resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE).listClaimableFactsBackfillIds()
  if (ids.length) {
    await container.resolve(Modules.EVENT_BUS).emit(ids.map((id) => ({ name: CustomerSegmentEvents.BACKFILL_REQUESTED, data: { id } })))
  }
  return ids
}
