import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import { MedusaError } from "@medusajs/framework/utils"
import { rows } from "./execute"

/**
 * Bookkeeping of backfill runs (customer_facts_backfill): conditional
 * statements, so two instances never run one at once. The lease
 * (`lease_until`, made by the database's clock, to the millisecond) is also
 * the claim's token: an instance writes a batch only while the row still holds
 * the lease it was given; once another instance took an expired lease over,
 * the first one's batch matches no row, rolls back, and it stops.
 */

export type FactsBackfillStatus = "queued" | "running" | "succeeded" | "failed" | "canceled"

export type FactsBackfillRow = {
  id: string
  status: FactsBackfillStatus
  trigger: "manual" | "install"
  requested_by: string | null
  batch_size: number
  customers_estimate: number
  customers_done: number
  orders_done: number
  batches_done: number
  checkpoint: string | null
  lease_until: Date | null
  started_at: Date | null
  finished_at: Date | null
  running_ms: number
  error: string | null
  refresh_run_ids: string[]
  deferred_indexes: { name: string; table: string; definition: string }[] | null
  created_at: Date
  updated_at: Date
}

const COLUMNS = `id, status, trigger, requested_by, batch_size, customers_estimate, customers_done, orders_done, batches_done,
  checkpoint, lease_until, started_at, finished_at, running_ms, error, refresh_run_ids, deferred_indexes, created_at, updated_at`
const NEW_LEASE = `date_trunc('milliseconds', clock_timestamp()) + make_interval(secs => $2::int)`
/** Queued, or running under a lease that ran out (its instance stopped). */
const CLAIMABLE = `deleted_at IS NULL AND (status = 'queued' OR (status = 'running' AND (lease_until IS NULL OR lease_until < clock_timestamp())))`

/** The batch was not recorded: the run is no longer this instance's (taken over or canceled). Rolls the batch back. */
export class BackfillLeaseLost extends Error {
  constructor(id: string) {
    super(`backfill ${id}: the run is no longer held by this instance (taken over or canceled)`)
    this.name = "BackfillLeaseLost"
  }
}

/** Queues a run; a 409 when one is queued or running (the unique index of active runs). */
export async function createBackfillRun(
  em: SqlEntityManager,
  run: { trigger: "manual" | "install"; requested_by: string | null; batch_size: number; customers_estimate: number }
): Promise<FactsBackfillRow> {
  try {
    const [row] = await rows<FactsBackfillRow>(
      em,
      `INSERT INTO customer_facts_backfill (id, status, trigger, requested_by, batch_size, customers_estimate)
       VALUES ('cfbf_' || replace(gen_random_uuid()::text, '-', ''), 'queued', $1, $2, $3::int, $4::int)
       RETURNING ${COLUMNS}`,
      [run.trigger, run.requested_by, run.batch_size, run.customers_estimate]
    )
    return row
  } catch (error) {
    if ((error as { code?: string }).code === "23505") {
      const [active] = await activeBackfillRuns(em)
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `A backfill is already ${active?.status ?? "running"}${active ? ` (${active.id})` : ""}: wait for it to end or cancel it`
      )
    }
    throw error
  }
}

export async function activeBackfillRuns(em: SqlEntityManager): Promise<FactsBackfillRow[]> {
  return rows<FactsBackfillRow>(
    em,
    `SELECT ${COLUMNS} FROM customer_facts_backfill WHERE deleted_at IS NULL AND status IN ('queued', 'running') ORDER BY created_at DESC, id DESC`
  )
}

/** Takes the run for this instance (queued, or its lease ran out); null when it is not to be run here. */
export async function claimBackfillRun(em: SqlEntityManager, id: string, leaseSeconds: number): Promise<FactsBackfillRow | null> {
  const [row] = await rows<FactsBackfillRow>(
    em,
    `UPDATE customer_facts_backfill
     SET status = 'running', lease_until = ${NEW_LEASE}, started_at = COALESCE(started_at, now()), updated_at = now()
     WHERE id = $1 AND ${CLAIMABLE}
     RETURNING ${COLUMNS}`,
    [id, leaseSeconds]
  )
  return row ?? null
}

/** Runs an instance may take: queued, or running with an expired lease; oldest first. */
export async function claimableBackfillRunIds(em: SqlEntityManager): Promise<string[]> {
  const found = await rows<{ id: string }>(em, `SELECT id FROM customer_facts_backfill WHERE ${CLAIMABLE} ORDER BY created_at ASC, id ASC`)
  return found.map((r) => r.id)
}

/**
 * Records a written batch (in the batch's transaction): checkpoint, counts,
 * time spent and a renewed lease. Throws BackfillLeaseLost (rolling the batch
 * back) when the row no longer holds this lease or no longer runs.
 */
export async function recordBackfillBatch(
  em: SqlEntityManager,
  id: string,
  leaseUntil: Date,
  batch: { checkpoint: string | null; customers: number; orders: number; elapsed_ms: number },
  leaseSeconds: number
): Promise<Date> {
  const [row] = await rows<{ lease_until: Date }>(
    em,
    `UPDATE customer_facts_backfill
     SET checkpoint = COALESCE($4::text, checkpoint), customers_done = customers_done + $5::int, orders_done = orders_done + $6::int,
         batches_done = batches_done + 1, running_ms = running_ms + $7::int, lease_until = ${NEW_LEASE}, updated_at = now()
     WHERE id = $1 AND lease_until = $3::timestamptz AND status = 'running' AND deleted_at IS NULL
     RETURNING lease_until`,
    [id, leaseSeconds, leaseUntil, batch.checkpoint, batch.customers, batch.orders, Math.round(batch.elapsed_ms)]
  )
  if (!row) {
    throw new BackfillLeaseLost(id)
  }
  return row.lease_until
}

/** Renews the lease of a run this instance holds (between batches: while its indexes are built); null when it no longer holds it. */
export async function renewBackfillLease(em: SqlEntityManager, id: string, leaseUntil: Date, leaseSeconds: number): Promise<Date | null> {
  const [row] = await rows<{ lease_until: Date }>(
    em,
    `UPDATE customer_facts_backfill SET lease_until = ${NEW_LEASE}, updated_at = now()
     WHERE id = $1 AND lease_until = $3::timestamptz AND status = 'running' AND deleted_at IS NULL
     RETURNING lease_until`,
    [id, leaseSeconds, leaseUntil]
  )
  return row?.lease_until ?? null
}

/** Ends a run this instance holds; false when it no longer holds it (nothing written). */
export async function finishBackfillRun(
  em: SqlEntityManager,
  id: string,
  leaseUntil: Date,
  end: { status: "succeeded" | "failed"; error?: string | null; refresh_run_ids?: string[]; elapsed_ms?: number }
): Promise<boolean> {
  const done = await rows<{ id: string }>(
    em,
    `UPDATE customer_facts_backfill
     SET status = $3, error = CASE WHEN $4::text IS NULL THEN error WHEN error IS NULL THEN $4::text ELSE $4::text || '; ' || error END, refresh_run_ids = $5::text[], running_ms = running_ms + $6::int, finished_at = now(), lease_until = NULL, updated_at = now()
     WHERE id = $1 AND lease_until = $2::timestamptz AND status = 'running' AND deleted_at IS NULL
     RETURNING id`,
    [id, leaseUntil, end.status, end.error ?? null, end.refresh_run_ids ?? [], Math.round(end.elapsed_ms ?? 0)]
  )
  return done.length > 0
}

/** Cancels a queued or running run (a running one stops before its next batch); null when it is not active. */
export async function cancelBackfillRun(em: SqlEntityManager, id: string): Promise<FactsBackfillRow | null> {
  const [row] = await rows<FactsBackfillRow>(
    em,
    `UPDATE customer_facts_backfill
     SET status = 'canceled', finished_at = now(), lease_until = NULL, updated_at = now()
     WHERE id = $1 AND status IN ('queued', 'running') AND deleted_at IS NULL
     RETURNING ${COLUMNS}`,
    [id]
  )
  return row ?? null
}

/** Puts a canceled run back as it was (a rolled-back cancel); nothing when it is no longer canceled. */
export async function uncancelBackfillRun(
  em: SqlEntityManager,
  id: string,
  before: { status: "queued" | "running"; lease_until: Date | null }
): Promise<void> {
  await rows(
    em,
    `UPDATE customer_facts_backfill SET status = $2, lease_until = $3::timestamptz, finished_at = NULL, updated_at = now()
     WHERE id = $1 AND status = 'canceled' AND deleted_at IS NULL RETURNING id`,
    [id, before.status, before.lease_until]
  )
}
