import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { CUSTOMER_SEGMENT_MODULE } from "../../../../modules/customer_segment"
import type CustomerSegmentModuleService from "../../../../modules/customer_segment/service"
import type { FactsBackfillRow } from "../../../../modules/customer_segment/service"
import type { AdminCustomerFactsBackfill } from "../../../../types/http/customer-segment"

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString())

/** A run as the API answers it: its record, with progress, speed and time left worked out. */
export function toBackfillResponse(row: FactsBackfillRow): AdminCustomerFactsBackfill {
  const seconds = row.running_ms / 1000
  const perSecond = (n: number) => (seconds > 0 ? Math.round(n / seconds) : null)
  const customersPerSecond = perSecond(row.customers_done)
  const active = row.status === "queued" || row.status === "running"
  const left = Math.max(0, row.customers_estimate - row.customers_done)
  return {
    id: row.id,
    status: row.status,
    trigger: row.trigger,
    requested_by: row.requested_by,
    batch_size: row.batch_size,
    customers_estimate: row.customers_estimate,
    customers_done: row.customers_done,
    orders_done: row.orders_done,
    batches_done: row.batches_done,
    checkpoint: row.checkpoint,
    // An estimate can be passed before the end: short of 1 until the run says it is done.
    progress:
      row.status === "succeeded" ? 1 : row.customers_estimate > 0 ? Math.min(0.99, row.customers_done / row.customers_estimate) : 0,
    customers_per_second: customersPerSecond,
    orders_per_second: perSecond(row.orders_done),
    running_ms: row.running_ms,
    estimated_seconds_left: active && customersPerSecond ? Math.round(left / customersPerSecond) : null,
    error: row.error,
    refresh_run_ids: row.refresh_run_ids ?? [],
    indexes_pending: (row.deferred_indexes ?? []).map((index) => index.name),
    started_at: iso(row.started_at),
    finished_at: iso(row.finished_at),
    created_at: iso(row.created_at)!,
    updated_at: iso(row.updated_at)!,
  }
}

export const BACKFILL_FIELDS = [
  "id", "status", "trigger", "requested_by", "batch_size", "customers_estimate", "customers_done", "orders_done",
  "batches_done", "checkpoint", "lease_until", "started_at", "finished_at", "running_ms", "error", "refresh_run_ids",
  "deferred_indexes", "created_at", "updated_at",
] as const

/** One run (404 when unknown). */
export async function retrieveBackfill(scope: MedusaContainer, id: string): Promise<AdminCustomerFactsBackfill> {
  const service = scope.resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE)
  const [row] = await service.listCustomerFactsBackfills({ id }, { select: [...BACKFILL_FIELDS], take: 1 })
  if (!row) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Backfill with id: ${id} was not found`)
  }
  return toBackfillResponse(row as unknown as FactsBackfillRow)
}
