import type { MedusaContainer } from "@medusajs/framework/types"
import { refreshScheduledSegments } from "../workflows/customer-segments/utils/scheduled"

/**
 * Runs every minute; queues refreshes of relative-date segments when the
 * merchant's `segments.refresh_schedule` is due (one instance per minute).
 */
export default async function refreshCustomerSegmentsJob(container: MedusaContainer) {
  await refreshScheduledSegments(container, new Date())
}

export const config = {
  name: "customer-suite-refresh-customer-segments",
  schedule: "* * * * *",
}
