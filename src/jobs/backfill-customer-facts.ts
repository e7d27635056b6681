import type { MedusaContainer } from "@medusajs/framework/types"
import { queueBackfillIfEmpty, requestClaimableBackfills } from "../workflows/customer-segments/utils/scheduled"
import { exclusively } from "../workflows/customer-suite/utils/exclusive"

const LOCK = "customer-suite:backfill-job"

/**
 * Every minute, one instance at a time: after install (the projection is
 * empty and the store has customers) a backfill is queued; a backfill whose
 * instance stopped (its lease ran out: a crash or restart) or whose request
 * was lost is requested again, and resumes from its checkpoint. Later changes
 * arrive through subscribers.
 */
export default async function backfillCustomerFactsJob(container: MedusaContainer): Promise<{ queued: string | null; requested: string[] }> {
  const run = await exclusively(container, LOCK, 60, async () => {
    const queued = await queueBackfillIfEmpty(container)
    return { queued, requested: await requestClaimableBackfills(container) }
  })
  return run.ran ? run.result : { queued: null, requested: [] }
}

export const config = {
  name: "customer-suite-backfill-customer-facts",
  schedule: "* * * * *",
}
