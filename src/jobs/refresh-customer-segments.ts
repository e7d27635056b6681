import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { CUSTOMER_SEGMENT_MODULE } from "../modules/customer_segment"
import type CustomerSegmentModuleService from "../modules/customer_segment/service"
import { CUSTOMER_SUITE_MODULE } from "../modules/customer_suite"
import { cronMatches } from "../modules/customer_suite/cron"
import type CustomerSuiteModuleService from "../modules/customer_suite/service"
import { requestCustomerSegmentRefreshWorkflow } from "../workflows/customer-segments"

/**
 * Segments whose rules use relative dates (`last_order_date > -30d`) change
 * with time alone: when `segments.refresh_schedule` is due, queue a refresh
 * of each. The job runs every minute; a lock named after the minute makes
 * exactly one instance queue the refreshes.
 */
export default async function refreshCustomerSegmentsJob(container: MedusaContainer) {
  const suite = container.resolve<CustomerSuiteModuleService>(CUSTOMER_SUITE_MODULE)
  const { enabled, refresh_schedule } = suite.getOptions().segments
  const now = new Date()
  if (!enabled || !cronMatches(refresh_schedule, now)) {
    return
  }
  const locking = container.resolve(Modules.LOCKING)
  const minute = now.toISOString().slice(0, 16)
  try {
    await locking.acquire(`customer-suite:segment-schedule:${minute}`, { ownerId: `segment-schedule:${minute}:${process.pid}:${Math.random()}`, expire: 120 })
  } catch {
    return // another instance has this minute
  }
  const service = container.resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE)
  const segments = await service.listCustomerSegments(
    { status: "active", kind: "dynamic", relative_dates: true },
    { select: ["id"], take: null }
  )
  if (segments.length) {
    await requestCustomerSegmentRefreshWorkflow(container).run({
      input: { segment_ids: segments.map((s) => s.id), trigger: "schedule" },
    })
  }
}

export const config = {
  name: "customer-suite-refresh-customer-segments",
  schedule: "* * * * *",
}
