import type { MedusaContainer } from "@medusajs/framework/types"
import { requestClaimableBulkActions } from "../workflows/customer-bulk-actions"
import { exclusively } from "../workflows/customer-suite/utils/exclusive"

const LOCK = "customer-suite:resume-bulk-actions"

/**
 * Every minute, one instance at a time (a lock, released when done, with an
 * expiry): bulk actions still queued (their request event was lost) or
 * running under an expired lease (the instance running them stopped) are
 * requested again; the subscriber claims each one (one instance wins) and
 * resumes it after its cursor. Answers the ids requested (empty when another
 * instance held the lock).
 */
export default async function resumeCustomerBulkActionsJob(container: MedusaContainer): Promise<string[]> {
  const run = await exclusively(container, LOCK, 60, () => requestClaimableBulkActions(container))
  return run.ran ? run.result : []
}

export const config = {
  name: "customer-suite-resume-customer-bulk-actions",
  schedule: "* * * * *",
}
