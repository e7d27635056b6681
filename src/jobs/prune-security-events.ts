import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { activitySettings } from "../api/utils/activity-settings"
import { pruneSecurityEventsWorkflow } from "../workflows/customer-activity"

const DAY_MS = 86_400_000

/**
 * Hourly, one instance (lock): drops security log rows older than
 * `activity.security_log_retention_days`, 5,000 rows per statement, at most
 * 100 statements a run (a larger backlog goes in the next runs).
 */
export default async function pruneSecurityEventsJob(container: MedusaContainer) {
  const slot = new Date().toISOString().slice(0, 13)
  const acquired = await container
    .resolve(Modules.LOCKING)
    .acquire(`customer-suite:prune-security-events:${slot}`, { ownerId: `prune-security-events:${slot}:${Math.random()}`, expire: 3_000 })
    .then(
      () => true,
      () => false
    )
  if (!acquired) {
    return
  }
  const settings = await activitySettings(container)
  const before = new Date(Date.now() - settings.security_log_retention_days * DAY_MS)
  const { result } = await pruneSecurityEventsWorkflow(container).run({ input: { before } })
  if (result.deleted) {
    container.resolve(ContainerRegistrationKeys.LOGGER).info(`customer-suite: pruned ${result.deleted} security log row(s) older than ${before.toISOString()}`)
  }
}

export const config = {
  name: "customer-suite-prune-security-events",
  schedule: "23 * * * *",
}
