import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_SEGMENT_MODULE } from "../../../modules/customer_segment"
import type CustomerSegmentModuleService from "../../../modules/customer_segment/service"
import { loadCustomerFacts } from "../utils/load-customer-facts"
import { customerFactsLock } from "../utils/locks"

export type BackfillCustomerFactsStepInput = { batch_size?: number }

export type BackfillResult = {
  customers: number
  orders: number
  batches: number
  duration_ms: number
  /** Active dynamic segments to refresh now that the facts changed. */
  segment_ids: string[]
}

export const backfillCustomerFactsStepId = "customer-suite-backfill-customer-facts"

const LOCK_WAIT_SECONDS = 60

/**
 * Rebuilds the facts projection from Medusa's customers and orders, batch by
 * batch in customer id order; profiles of customers that no longer exist are
 * removed on the way. Every batch replaces its rows, so running it again
 * converges to the same rows: there is nothing to compensate.
 */
export const backfillCustomerFactsStep = createStep(
  backfillCustomerFactsStepId,
  async (input: BackfillCustomerFactsStepInput, { container }) => {
    const service = container.resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const locking = container.resolve(Modules.LOCKING)
    const batchSize = input.batch_size ?? 500
    const started = Date.now()
    let after: string | null = null
    let customers = 0
    let orders = 0
    let batches = 0
    for (;;) {
      const { data }: { data: { id: string }[] } = await query.graph({
        entity: "customer",
        fields: ["id"],
        filters: after === null ? {} : { id: { $gt: after } },
        pagination: { take: batchSize, order: { id: "ASC" } },
      })
      const ids: string[] = data.map((c) => c.id)
      const last = ids.length < batchSize
      const range = { after, upto: last ? null : ids[ids.length - 1] }
      // Under the customers' locks, like real-time syncs: neither overwrites newer facts with older ones.
      const facts = await locking.execute(
        ids.map(customerFactsLock),
        async () => {
          const loaded = await loadCustomerFacts(container, ids)
          await service.writeCustomerFacts(ids, loaded, { range })
          return loaded
        },
        { timeout: LOCK_WAIT_SECONDS }
      )
      customers += facts.profiles.length
      orders += facts.orders_read
      batches += 1
      if (last) {
        break
      }
      after = ids[ids.length - 1]
    }
    // The projection was just rewritten: plan rule statements on what it holds now.
    await service.analyzeCustomerFacts()
    const segments = await service.listCustomerSegments(
      { status: "active", kind: "dynamic" },
      { select: ["id"], take: null }
    )
    return new StepResponse<BackfillResult>({
      customers,
      orders,
      batches,
      duration_ms: Date.now() - started,
      segment_ids: segments.map((s) => s.id),
    })
  }
)
