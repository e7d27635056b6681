import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { activitySettings } from "../../api/utils/activity-settings"
import { pruneVisitorPresenceWorkflow } from "./workflows/prune-visitor-presence"

export const PRUNE_BATCH = 5_000
/** Batches per run: a backlog larger than this goes in the next runs. */
export const PRUNE_MAX_BATCHES = 100
const DAY_MS = 24 * 60 * 60 * 1000

/**
 * Deletes visitor (guest cart) presence older than
 * `activity.presence.visitor_retention_days`, PRUNE_BATCH rows at a time, on
 * one instance at a time (a lock, released when done, with an expiry). Customers'
 * rows stay: they are the customers' last activity. Answers how many went,
 * or null when another instance holds the lock.
 */
export async function pruneVisitorPresence(container: MedusaContainer, now: Date = new Date()): Promise<number | null> {
  const settings = await activitySettings(container)
  const locking = container.resolve(Modules.LOCKING)
  const key = "customer-suite:prune-visitor-presence"
  const ownerId = `prune-presence:${Math.random()}`
  const acquired = await locking
    .acquire(key, { ownerId, expire: 900 })
    .then(
      () => true,
      () => false
    )
  if (!acquired) {
    return null
  }
  const before = new Date(now.getTime() - settings.presence.visitor_retention_days * DAY_MS)
  let deleted = 0
  try {
    for (let batch = 0; batch < PRUNE_MAX_BATCHES; batch += 1) {
      const { result } = await pruneVisitorPresenceWorkflow(container).run({ input: { before, limit: PRUNE_BATCH } })
      deleted += result
      if (result < PRUNE_BATCH) {
        break
      }
    }
  } finally {
    await locking.release(key, { ownerId }).catch(() => undefined)
  }
  return deleted
}
