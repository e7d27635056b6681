import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { ensureGridSpendIndexes } from "../workflows/customer-grid/utils/grid-query"

/**
 * Every 15 minutes, one instance (lock) makes sure each store currency has the
 * customers grid's index on the amount spent in it (sorting and filtering by
 * amount spent at a million customers). Built CONCURRENTLY: the store keeps
 * writing while a new currency's index is built; nothing to do once it exists.
 */
export default async function ensureGridSpendIndexesJob(container: MedusaContainer) {
  const locking = container.resolve(Modules.LOCKING)
  const key = "customer-suite:ensure-grid-spend-indexes"
  const ownerId = `ensure-grid-spend-indexes:${Math.random()}`
  const acquired = await locking.acquire(key, { ownerId, expire: 3_600 }).then(
    () => true,
    () => false
  )
  if (!acquired) {
    return
  }
  try {
    const created = await ensureGridSpendIndexes(container)
    if (created.length) {
      container.resolve(ContainerRegistrationKeys.LOGGER).info(`customer-suite: built the grid's amount-spent index(es) ${created.join(", ")}`)
    }
  } catch (error) {
    container.resolve(ContainerRegistrationKeys.LOGGER).warn(`customer-suite: could not build the grid's amount-spent indexes: ${(error as Error).message}`)
  } finally {
    await locking.release(key, { ownerId }).catch(() => undefined)
  }
}

export const config = {
  name: "customer-suite-ensure-grid-spend-indexes",
  schedule: "*/15 * * * *",
}
