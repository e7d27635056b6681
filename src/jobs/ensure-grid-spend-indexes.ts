import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ensureGridSpendIndexes } from "../workflows/customer-grid/utils/grid-query"
import { CUSTOMER_SEGMENT_MODULE } from "../modules/customer_segment"
import type CustomerSegmentModuleService from "../modules/customer_segment/service"
import { exclusively } from "../workflows/customer-suite/utils/exclusive"

/**
 * Every 15 minutes, one instance (lock) makes sure each store currency has the
 * customers grid's index on the amount spent in it (sorting and filtering by
 * amount spent at a million customers). Built CONCURRENTLY: the store keeps
 * writing while a new currency's index is built; nothing to do once it exists.
 * Not while a facts backfill runs: it rewrites the projection (an index built
 * meanwhile costs the backfill, and its ANALYZE waits on the build), and the
 * next tick after it builds what is missing.
 */
export default async function ensureGridSpendIndexesJob(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  await exclusively(container, "customer-suite:ensure-grid-spend-indexes", 3_600, async () => {
    if ((await container.resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE).listActiveFactsBackfills()).length) {
      return
    }
    try {
      const created = await ensureGridSpendIndexes(container)
      if (created.length) {
        logger.info(`customer-suite: built the grid's amount-spent index(es) ${created.join(", ")}`)
      }
    } catch (error) {
      logger.warn(`customer-suite: could not build the grid's amount-spent indexes: ${(error as Error).message}`)
    }
  })
}

export const config = {
  name: "customer-suite-ensure-grid-spend-indexes",
  schedule: "*/15 * * * *",
}
