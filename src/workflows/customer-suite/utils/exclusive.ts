import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

/**
 * Runs `work` on one instance at a time: under the locking module's lock
 * `key` (expiring after `expireSeconds`, should the instance stop), released
 * when done. Answers `{ ran: false }` when another instance holds the lock
 * (a scheduled job's tick that another instance is already doing).
 */
export async function exclusively<T>(
  container: Pick<MedusaContainer, "resolve">,
  key: string,
  expireSeconds: number,
  work: () => Promise<T>
): Promise<{ ran: true; result: T } | { ran: false }> {
  const locking = container.resolve(Modules.LOCKING)
  const ownerId = `${key}:${Math.random()}`
  const acquired = await locking.acquire(key, { ownerId, expire: expireSeconds }).then(
    () => true,
    () => false
  )
  if (!acquired) {
    return { ran: false }
  }
  try {
    return { ran: true, result: await work() }
  } finally {
    await locking.release(key, { ownerId }).catch(() => undefined)
  }
}
