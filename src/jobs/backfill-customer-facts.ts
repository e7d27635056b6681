import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { buildIndexesOfEndedBackfills, queueBackfillIfEmpty, requestClaimableBackfills } from "../workflows/customer-segments/utils/scheduled"
import { exclusively } from "../workflows/customer-suite/utils/exclusive"

const LOCK = "customer-suite:backfill-job"

/**
 * Every minute, one instance at a time: after install (the projection is
 * empty and the store has customers) a backfill is queued; a backfill whose
 * instance stopped (its lease ran out: a crash or restart) or whose request
 * was lost is requested again, and resumes from its checkpoint. Later changes
 * arrive through subscribers. A run that ended without building the
 * projection's indexes it deferred (failed or canceled while its instance
 * was gone) gets them built here.
 */
export default async function backfillCustomerFactsJob(container: MedusaContainer): Promise<{ queued: string | null; requested: string[]; indexes_built_for: string[] }> {
  const run = await exclusively(container, LOCK, 60, async () => {
    const queued = await queueBackfillIfEmpty(container)
    const requested = await requestClaimableBackfills(container)
    // Last: an index build can take minutes; it never stops the two above.
    const indexesBuiltFor = await buildIndexesOfEndedBackfills(container).catch((error) => {
      container
        .resolve(ContainerRegistrationKeys.LOGGER)
        .warn(`customer-suite: deferred indexes of ended backfills not built, next minute: ${(error as Error)?.message ?? error}`)
      return [] as string[]
    })
    return { queued, requested, indexes_built_for: indexesBuiltFor }
  })
  return run.ran ? run.result : { queued: null, requested: [], indexes_built_for: [] }
}

export const config = {
  name: "customer-suite-backfill-customer-facts",
  schedule: "* * * * *",
}
