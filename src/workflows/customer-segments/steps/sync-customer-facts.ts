import { Modules } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_SEGMENT_MODULE } from "../../../modules/customer_segment"
import type CustomerSegmentModuleService from "../../../modules/customer_segment/service"
import type { FactsChange, FactsSnapshot } from "../../../modules/customer_segment/service"
import { loadCustomerFacts } from "../utils/load-customer-facts"
import { customerFactsLock } from "../utils/locks"

export type SyncCustomerFactsStepInput = {
  customer_ids: string[]
  /**
   * `profile`: only the customer, addresses and groups changed: keep the
   * stored order facts (no order is read). `all` (default): read orders too.
   */
  scope?: "profile" | "all"
}

export const syncCustomerFactsStepId = "customer-suite-sync-customer-facts"

const LOCK_WAIT_SECONDS = 30

/**
 * Recomputes the facts of these customers from Medusa's modules and stores
 * them. Returns, per customer, the attributes that changed. Compensation puts
 * the previous rows back.
 */
export const syncCustomerFactsStep = createStep(
  syncCustomerFactsStepId,
  async (input: SyncCustomerFactsStepInput, { container }) => {
    const service = container.resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE)
    const locking = container.resolve(Modules.LOCKING)
    const ids = [...new Set(input.customer_ids)].sort()
    // Read and write under the customers' locks: of two syncs of one customer,
    // the later one reads after the earlier one wrote, so the newest facts win.
    const { previous, changes } = await locking.execute(
      ids.map(customerFactsLock),
      async () => {
        const keep = input.scope === "profile" ? await service.readCustomerFacts(ids) : undefined
        return service.writeCustomerFacts(ids, await loadCustomerFacts(container, ids, keep))
      },
      { timeout: LOCK_WAIT_SECONDS }
    )
    return new StepResponse<FactsChange[], { ids: string[]; previous: FactsSnapshot }>(changes, { ids, previous })
  },
  async (data, { container }) => {
    if (!data) {
      return
    }
    const service = container.resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE)
    await service.restoreCustomerFacts(data.ids, data.previous)
  }
)
