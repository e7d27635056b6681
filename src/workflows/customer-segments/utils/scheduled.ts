import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { CUSTOMER_SEGMENT_MODULE } from "../../../modules/customer_segment"
import type CustomerSegmentModuleService from "../../../modules/customer_segment/service"
import { CUSTOMER_SUITE_MODULE } from "../../../modules/customer_suite"
import { cronMatches } from "../../../modules/customer_suite/cron"
import type CustomerSuiteModuleService from "../../../modules/customer_suite/service"
import { backfillCustomerFactsWorkflow } from "../workflows/backfill-customer-facts"
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
 * facts projection is empty: build it once. Returns whether it ran.
 */
export async function backfillIfEmpty(container: MedusaContainer): Promise<boolean> {
  const suite = container.resolve<CustomerSuiteModuleService>(CUSTOMER_SUITE_MODULE)
  if (!(await suite.getOptions()).segments.enabled) {
    return false
  }
  const service = container.resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const isEmpty = async () => (await service.listAndCountCustomerProfiles({}, { select: ["id"], take: 1 }))[1] === 0
  if (!(await isEmpty())) {
    return false
  }
  const { data } = await query.graph({ entity: "customer", fields: ["id"], pagination: { take: 1 } })
  if (data.length === 0) {
    return false
  }
  const locking = container.resolve(Modules.LOCKING)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const ownerId = `initial-backfill:${Math.random()}`
  const acquired = await locking.acquire("customer-suite:initial-backfill", { ownerId, expire: 3600 }).then(
    () => true,
    () => false
  )
  if (!acquired) {
    return false
  }
  try {
    if (!(await isEmpty())) {
      return false
    }
    const { result } = await backfillCustomerFactsWorkflow(container).run({ input: {} })
    logger.info(
      `customer-suite: built segment facts for ${result.customers} customers and ${result.orders} orders in ${result.duration_ms} ms`
    )
    return true
  } finally {
    await locking.release("customer-suite:initial-backfill", { ownerId })
  }
}
