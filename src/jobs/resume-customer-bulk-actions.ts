import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { requestClaimableBulkActions } from "../workflows/customer-bulk-actions"

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
  const locking = container.resolve(Modules.LOCKING)
  const ownerId = `resume-bulk-actions:${Math.random()}`
  const acquired = await locking.acquire(LOCK, { ownerId, expire: 60 }).then(
    () => true,
    () => false
  )
  if (!acquired) {
    return []
  }
  try {
    return await requestClaimableBulkActions(container)
  } finally {
    await locking.release(LOCK, { ownerId }).catch(() => undefined)
  }
}

export const config = {
  name: "customer-suite-resume-customer-bulk-actions",
  schedule: "* * * * *",
}
