import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { CUSTOMER_SEGMENT_MODULE } from "../modules/customer_segment"
import type CustomerSegmentModuleService from "../modules/customer_segment/service"
import { CUSTOMER_SUITE_MODULE } from "../modules/customer_suite"
import type CustomerSuiteModuleService from "../modules/customer_suite/service"
import { backfillCustomerFactsWorkflow } from "../workflows/customer-segments"

/**
 * After the plugin is installed into a store that already has customers, the
 * facts projection is empty: build it once, without anyone having to call
 * the backfill route. Checked every 10 minutes; a lock keeps it to one
 * instance. Later changes arrive through subscribers.
 */
export default async function backfillCustomerFactsJob(container: MedusaContainer) {
  const suite = container.resolve<CustomerSuiteModuleService>(CUSTOMER_SUITE_MODULE)
  if (!suite.getOptions().segments.enabled) {
    return
  }
  const service = container.resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE)
  const [, profiles] = await service.listAndCountCustomerProfiles({}, { select: ["id"], take: 1 })
  if (profiles > 0) {
    return
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "customer", fields: ["id"], pagination: { take: 1 } })
  if (data.length === 0) {
    return
  }
  const locking = container.resolve(Modules.LOCKING)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  await locking.execute(
    "customer-suite:initial-backfill",
    async () => {
      const [, again] = await service.listAndCountCustomerProfiles({}, { select: ["id"], take: 1 })
      if (again > 0) {
        return
      }
      const { result } = await backfillCustomerFactsWorkflow(container).run({ input: {} })
      logger.info(
        `customer-suite: built segment facts for ${result.customers} customers and ${result.orders} orders in ${result.duration_ms} ms`
      )
    },
    { timeout: 1 }
  )
}

export const config = {
  name: "customer-suite-backfill-customer-facts",
  schedule: "*/10 * * * *",
}
