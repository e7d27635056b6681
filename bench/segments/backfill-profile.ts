/**
 * Diagnosis helper for the backfill figures: where one batch's time goes.
 * Run on the backfill database after backfill.ts generated its data:
 *
 *   DATABASE_URL=postgres://postgres@localhost:5432/mcs_bench_backfill npx medusa exec ./bench/segments/backfill-profile.ts batch=500 batches=4
 *
 * For the first `batches` batches of customers (id order): loadCustomerFacts as
 * a whole, the order query it makes (with and without the computed `total`),
 * and writeCustomerFacts, each timed on its own.
 */
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CUSTOMER_SEGMENT_MODULE } from "../../src/modules/customer_segment"
import type CustomerSegmentModuleService from "../../src/modules/customer_segment/service"
import { loadCustomerFacts } from "../../src/workflows/customer-segments/utils/load-customer-facts"

const log = (line: string) => console.log(`[bench] ${line}`)

export default async function profileBackfill({ container, args }: ExecArgs) {
  const map = new Map((args ?? []).map((a) => a.split("=") as [string, string]))
  const batch = Number(map.get("batch") ?? 500)
  const batches = Number(map.get("batches") ?? 4)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const service = container.resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE)
  const totals = { customers_page: 0, load: 0, orders_with_total: 0, orders_without_total: 0, write: 0 }
  let after: string | null = null
  let customers = 0
  for (let i = 0; i < batches; i += 1) {
    let t = Date.now()
    const { data }: { data: { id: string }[] } = await query.graph({
      entity: "customer",
      fields: ["id"],
      filters: after === null ? {} : { id: { $gt: after } },
      pagination: { take: batch, order: { id: "ASC" } },
    })
    totals.customers_page += Date.now() - t
    const ids = data.map((c) => c.id)
    if (ids.length === 0) {
      break
    }
    t = Date.now()
    const facts = await loadCustomerFacts(container, ids)
    totals.load += Date.now() - t
    for (const [key, fields] of [
      ["orders_with_total", ["id", "customer_id", "currency_code", "total", "created_at", "items.product_id", "items.quantity"]],
      ["orders_without_total", ["id", "customer_id", "currency_code", "created_at", "items.product_id", "items.quantity"]],
    ] as const) {
      t = Date.now()
      await query.graph({
        entity: "order",
        fields: [...fields],
        filters: { customer_id: ids, status: { $nin: ["draft", "canceled"] } },
        pagination: { skip: 0, take: 1000, order: { id: "ASC" } },
      })
      totals[key] += Date.now() - t
    }
    t = Date.now()
    await service.writeCustomerFacts(ids, facts, { range: { after, upto: ids[ids.length - 1] } })
    totals.write += Date.now() - t
    customers += ids.length
    after = ids[ids.length - 1]
  }
  log(`per batch of ${batch} (mean of ${batches}, ${customers} customers): ${JSON.stringify(
    Object.fromEntries(Object.entries(totals).map(([k, v]) => [`${k}_ms`, Math.round(v / batches)]))
  )}`)
}
