import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { pruneExpiredLimits } from "../modules/customer_activity/sign-in-limits"
import { CUSTOMER_SUITE_MODULE } from "../modules/customer_suite"
import type CustomerSuiteModuleService from "../modules/customer_suite/service"
import { exclusively } from "../workflows/customer-suite/utils/exclusive"

/**
 * Every 10 minutes, one instance (lock) deletes the expired sign-in and reset
 * counters from the PostgreSQL store, in bounded batches (a counter that
 * expired is worth nothing: the next attempt starts it again). Redis expires
 * its keys itself.
 */
export default async function pruneSignInLimitsJob(container: MedusaContainer) {
  const activity = (await container.resolve<CustomerSuiteModuleService>(CUSTOMER_SUITE_MODULE).getResolvedOptions()).activity
  if (activity.limiter_store !== "postgres") {
    return
  }
  // One instance at a time (a second run would find little left); released when done.
  await exclusively(container, "customer-suite:prune-sign-in-limits", 300, async () => {
    const deleted = await pruneExpiredLimits(container.resolve(ContainerRegistrationKeys.PG_CONNECTION), Date.now())
    if (deleted) {
      container.resolve(ContainerRegistrationKeys.LOGGER).debug?.(`customer-suite: pruned ${deleted} expired limiter row(s)`)
    }
  })
}

export const config = {
  name: "customer-suite-prune-sign-in-limits",
  schedule: "*/10 * * * *",
}
