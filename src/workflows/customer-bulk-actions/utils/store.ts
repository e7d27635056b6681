import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, generateEntityId } from "@medusajs/framework/utils"
import { positional } from "../../../modules/customer_segment/sql/execute"
import type { BulkActionKind, BulkActionStatus } from "../../../modules/customer_suite/models/customer-bulk-action"
import type { BulkActionFailure, BulkActionSelection } from "../../../types/http/customer-grid"

/**
 * The runner's bookkeeping on customer_bulk_action: conditional statements, so
 * two instances never run one action at once (decision 0037). The lease
 * (`lease_until`, made by the database's clock, to the millisecond) is also
 * the claim's token: an instance only writes while the row still holds the
 * lease it was given; once another instance took an expired lease over, the
 * first one's writes match no row and it stops.
 */

/** How long a claim holds without renewal: well above one batch's work. */
export const BULK_LEASE_SECONDS = 300

type Raw = { raw: (sql: string, bindings: unknown[]) => Promise<{ rows: unknown[] }> }
type Knex = Raw & { transaction: <T>(run: (trx: Raw) => Promise<T>) => Promise<T> }

const knexOf = (container: Pick<MedusaContainer, "resolve">) => container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)

async function run<T>(db: Raw, sql: string, params: unknown[]): Promise<T[]> {
  const statement = positional(sql, params)
  return (await db.raw(statement.sql, statement.bindings)).rows as T[]
}

const NEW_LEASE = `date_trunc('milliseconds', clock_timestamp()) + make_interval(secs => $2::int)`
/** Queued, or running under a lease that ran out (its instance stopped). */
const CLAIMABLE = `deleted_at IS NULL AND (status = 'queued' OR (status = 'running' AND (lease_until IS NULL OR lease_until < clock_timestamp())))`

export type ClaimedBulkAction = {
  id: string
  action: BulkActionKind
  params: { group_id?: string; segment_id?: string }
  selection: BulkActionSelection
  user_id: string
  total: number
  processed: number
  cursor: string | null
  lease_until: Date
  /** When the action was recorded: a filter selection leaves out customers created since (decision 0037). */
  created_at: Date
  /** When it first started running: a customer deleted since then by a replayed delete batch counts as done. */
  started_at: Date
}

/** Takes the action for this instance (queued, or its lease ran out); null when it is not to be run here. */
export async function claimBulkAction(container: Pick<MedusaContainer, "resolve">, id: string, leaseSeconds = BULK_LEASE_SECONDS): Promise<ClaimedBulkAction | null> {
  const [row] = await run<ClaimedBulkAction>(
    knexOf(container),
    `UPDATE customer_bulk_action
     SET status = 'running', lease_until = ${NEW_LEASE}, started_at = COALESCE(started_at, now()), updated_at = now()
     WHERE id = $1 AND ${CLAIMABLE}
     RETURNING id, action, params, selection, user_id, total, processed, cursor, lease_until, created_at, started_at`,
    [id, leaseSeconds]
  )
  return row ?? null
}

/** Actions an instance may take: queued, or running with an expired lease; oldest first, at most `limit`. */
export async function claimableBulkActionIds(container: Pick<MedusaContainer, "resolve">, limit: number): Promise<string[]> {
  const rows = await run<{ id: string }>(
    knexOf(container),
    `SELECT id FROM customer_bulk_action WHERE ${CLAIMABLE} ORDER BY created_at ASC, id ASC LIMIT $1`,
    [limit]
  )
  return rows.map((r) => r.id)
}

/**
 * Renews the lease this instance holds while a batch runs (so a slow batch is
 * never taken over). Answers the action's status and lease: renewed while it
 * runs; kept as it is once it was canceled (a canceled action is never taken
 * over, and its batch in flight is still recorded under that lease); null
 * when the lease is no longer this instance's.
 */
export async function renewBulkLease(
  container: Pick<MedusaContainer, "resolve">,
  id: string,
  leaseUntil: Date | string,
  leaseSeconds = BULK_LEASE_SECONDS
): Promise<{ status: BulkActionStatus; lease_until: Date } | null> {
  const [row] = await run<{ status: BulkActionStatus; lease_until: Date }>(
    knexOf(container),
    `UPDATE customer_bulk_action
     SET lease_until = CASE WHEN status = 'running' THEN ${NEW_LEASE} ELSE lease_until END, updated_at = now()
     WHERE id = $1 AND lease_until = $3::timestamptz AND status IN ('running', 'canceled') AND deleted_at IS NULL
     RETURNING status, lease_until`,
    [id, leaseSeconds, new Date(leaseUntil)]
  )
  return row ?? null
}

export type BatchRecord = {
  bulk_action_id: string
  /** The lease this instance holds. */
  lease_until: Date | string
  /** The last customer id of the batch. */
  cursor: string
  processed: number
  succeeded: number
  failures: BulkActionFailure[]
}

/**
 * Writes one finished batch: its failures, the new cursor and counts, and a
 * renewed lease (while the action runs) — in one transaction, only while this
 * instance still holds the lease. Answers the action's status and lease
 * (status "canceled": stop), or null when the lease is no longer this
 * instance's (nothing was written).
 */
export async function recordBulkBatch(
  container: Pick<MedusaContainer, "resolve">,
  batch: BatchRecord,
  leaseSeconds = BULK_LEASE_SECONDS
): Promise<{ status: BulkActionStatus; lease_until: Date } | null> {
  // One row per customer (a statement may not touch a row twice).
  const failures = [...new Map(batch.failures.map((f) => [f.customer_id, f])).values()]
  return knexOf(container).transaction(async (trx) => {
    const [row] = await run<{ status: BulkActionStatus; lease_until: Date }>(
      trx,
      `UPDATE customer_bulk_action
       SET cursor = $3, processed = processed + $4::int, succeeded = succeeded + $5::int, failed = failed + $6::int,
           lease_until = CASE WHEN status = 'running' THEN ${NEW_LEASE} ELSE lease_until END, updated_at = now()
       WHERE id = $1 AND lease_until = $7::timestamptz AND status IN ('running', 'canceled') AND deleted_at IS NULL
       RETURNING status, lease_until`,
      [batch.bulk_action_id, leaseSeconds, batch.cursor, batch.processed, batch.succeeded, failures.length, new Date(batch.lease_until)]
    )
    if (!row) {
      return null
    }
    if (failures.length) {
      await run(
        trx,
        `INSERT INTO customer_bulk_action_failure (id, bulk_action_id, customer_id, message, created_at, updated_at)
         SELECT f.id, $1, f.customer_id, f.message, now(), now()
         FROM unnest($2::text[], $3::text[], $4::text[]) AS f(id, customer_id, message)
         ON CONFLICT (bulk_action_id, customer_id) WHERE deleted_at IS NULL DO UPDATE SET message = EXCLUDED.message, updated_at = now()`,
        [
          batch.bulk_action_id,
          failures.map(() => generateEntityId(undefined, "cbfail")),
          failures.map((f) => f.customer_id),
          failures.map((f) => f.message),
        ]
      )
    }
    return row
  })
}

/**
 * Ends the run this instance holds: a running action becomes `status`
 * (completed, or failed with `error`); a canceled one stays canceled. The
 * lease is let go. False when the lease was no longer this instance's.
 */
export async function finishBulkAction(
  container: Pick<MedusaContainer, "resolve">,
  id: string,
  leaseUntil: Date | string,
  outcome: { status: "completed" | "failed"; error?: string | null }
): Promise<boolean> {
  const rows = await run(
    knexOf(container),
    `UPDATE customer_bulk_action
     SET status = CASE WHEN status = 'running' THEN $3 ELSE status END,
         error = CASE WHEN status = 'running' THEN $4 ELSE error END,
         finished_at = COALESCE(finished_at, now()), lease_until = NULL, updated_at = now()
     WHERE id = $1 AND lease_until = $2::timestamptz AND deleted_at IS NULL
     RETURNING id`,
    [id, new Date(leaseUntil), outcome.status, outcome.error ?? null]
  )
  return rows.length === 1
}

export type CanceledBulkAction = { id: string; previous: { status: BulkActionStatus; finished_at: Date | null } }

/** Queued or running → canceled (the runner stops after its batch); null when it was neither. */
export async function cancelBulkAction(container: Pick<MedusaContainer, "resolve">, id: string): Promise<CanceledBulkAction | null> {
  const [row] = await run<{ id: string; status: BulkActionStatus }>(
    knexOf(container),
    `UPDATE customer_bulk_action AS a SET status = 'canceled', finished_at = now(), updated_at = now()
     FROM (SELECT id, status FROM customer_bulk_action WHERE id = $1 FOR UPDATE) AS before
     WHERE a.id = before.id AND a.status IN ('queued', 'running') AND a.deleted_at IS NULL
     RETURNING a.id, before.status`,
    [id]
  )
  return row ? { id: row.id, previous: { status: row.status, finished_at: null } } : null
}

/** An action's failures in customer id order (byte order: the same on every database locale), at most `limit`. */
export async function listBulkActionFailures(container: Pick<MedusaContainer, "resolve">, id: string, limit: number): Promise<BulkActionFailure[]> {
  return run<BulkActionFailure>(
    knexOf(container),
    `SELECT customer_id, message FROM customer_bulk_action_failure
     WHERE bulk_action_id = $1 AND deleted_at IS NULL ORDER BY customer_id COLLATE "C" LIMIT $2`,
    [id, limit]
  )
}

/** Compensation of a cancel: back to what it was, unless the action moved on since. */
export async function uncancelBulkAction(container: Pick<MedusaContainer, "resolve">, canceled: CanceledBulkAction): Promise<void> {
  await run(
    knexOf(container),
    `UPDATE customer_bulk_action SET status = $2, finished_at = $3, updated_at = now() WHERE id = $1 AND status = 'canceled'`,
    [canceled.id, canceled.previous.status, canceled.previous.finished_at]
  )
}

/** A row of the list: the selection summed up (an ids selection by its count, never its ids). */
export type BulkActionListRow = {
  id: string
  action: BulkActionKind
  params: unknown
  selection: { kind: "ids"; count: number } | { kind: "filters"; filters: unknown }
  status: BulkActionStatus
  user_id: string
  total: number
  processed: number
  succeeded: number
  failed: number
  started_at: Date | null
  finished_at: Date | null
  error: string | null
  created_at: Date
}

/**
 * Bulk actions most recent first (id breaks ties), optionally of one status,
 * and how many there are. An ids selection (up to 10,000 ids) is answered as
 * its count, worked out by the database: the ids never leave it.
 */
export async function listBulkActions(
  container: Pick<MedusaContainer, "resolve">,
  query: { status?: BulkActionStatus; offset: number; limit: number }
): Promise<{ rows: BulkActionListRow[]; count: number }> {
  const knex = knexOf(container)
  const where = `deleted_at IS NULL AND ($1::text IS NULL OR status::text = $1::text)`
  const [rows, [total]] = await Promise.all([
    run<BulkActionListRow>(
      knex,
      `SELECT id, action, params,
              CASE WHEN selection->>'kind' = 'ids'
                   THEN jsonb_build_object('kind', 'ids', 'count', jsonb_array_length(selection->'ids'))
                   ELSE jsonb_build_object('kind', 'filters', 'filters', COALESCE(selection->'filters', '{}'::jsonb)) END AS selection,
              status, user_id, total, processed, succeeded, failed, started_at, finished_at, error, created_at
       FROM customer_bulk_action WHERE ${where}
       ORDER BY created_at DESC, id COLLATE "C" DESC LIMIT $2 OFFSET $3`,
      [query.status ?? null, query.limit, query.offset]
    ),
    run<{ n: string }>(knex, `SELECT count(*) AS n FROM customer_bulk_action WHERE ${where}`, [query.status ?? null]),
  ])
  return { rows, count: Number(total.n) }
}

/** The actions of this kind still queued or running, oldest first: the candidates a new request may duplicate. */
export async function activeBulkActions(
  container: Pick<MedusaContainer, "resolve">,
  action: BulkActionKind
): Promise<{ id: string; status: BulkActionStatus; params: unknown; selection: unknown; processed: number; total: number }[]> {
  return run(
    knexOf(container),
    `SELECT id, status, params, selection, processed, total FROM customer_bulk_action
     WHERE action = $1 AND status IN ('queued', 'running') AND deleted_at IS NULL
     ORDER BY created_at ASC, id COLLATE "C" ASC`,
    [action]
  )
}
