import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { CUSTOMER_SUITE_MODULE } from "../modules/customer_suite"
import type CustomerSuiteModuleService from "../modules/customer_suite/service"
import { resyncGroupPriceRules } from "../workflows/group-pricing"

/**
 * Every 15 minutes, one instance (lock) resyncs every group pricing rule: it
 * hands variants over when a higher-priority rule starts or ends, removes the
 * lists of rules that ended, and undoes what no event announces (products
 * added to a collection or category, price lists edited by hand). A resync of
 * a list that matches its rule writes nothing.
 */
export default async function reconcileGroupPricingJob(container: MedusaContainer) {
  if (!(await container.resolve<CustomerSuiteModuleService>(CUSTOMER_SUITE_MODULE).isEnabled("group_pricing"))) {
    return
  }
  const slot = new Date().toISOString().slice(0, 15)
  const acquired = await container
    .resolve(Modules.LOCKING)
    .acquire(`customer-suite:group-pricing-reconcile:${slot}`, { ownerId: `reconcile:${slot}:${Math.random()}`, expire: 600 })
    .then(
      () => true,
      () => false
    )
  if (!acquired) {
    return
  }
  const { synced, failed } = await resyncGroupPriceRules(container)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  if (failed.length) {
    logger.warn(`customer-suite: group pricing reconcile: ${failed.length} rule(s) failed: ${failed.map((f) => `${f.rule_id}: ${f.error}`).join("; ")}`)
  } else if (synced.length) {
    logger.debug?.(`customer-suite: group pricing reconcile: ${synced.length} rule(s) in line`)
  }
}

export const config = {
  name: "customer-suite-reconcile-group-pricing",
  schedule: "*/15 * * * *",
}
