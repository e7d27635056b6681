import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import { exec, execVerbatim, rows } from "./execute"

/**
 * Secondary indexes of an empty projection, deferred during a big backfill
 * (docs/decisions/0060). Writing a million profiles into a table that keeps
 * twenty secondary indexes costs several times what building those indexes
 * once afterwards costs (bench/RESULTS.md). When a run starts on a projection
 * that holds almost nothing (install), the indexes nothing in the batches
 * needs are dropped, their definitions kept in the run's row in the same
 * transaction, and built again when the last batch is written, one index per
 * transaction, each struck from the row as it is built. A run that fails or
 * is canceled gets them back the same way (the runner, else the backfill job
 * within a minute).
 *
 * Kept: unique indexes and primary keys (the upserts' ON CONFLICT, the real-
 * time path's lookups by customer) and, on orders and purchases, the indexes
 * led by customer_id (each batch deletes by customer).
 */

export type DeferredIndex = { name: string; table: string; definition: string }

const TABLES = ["customer_profile", "customer_order", "customer_purchase"]

/** One builder of deferred indexes at a time, across instances. */
const BUILD_LOCK = "customer_suite:facts_indexes"

/** The projection's indexes a backfill can do without (valid ones only: an invalid index is dropped and not rebuilt). */
async function deferrableIndexes(em: SqlEntityManager): Promise<(DeferredIndex & { schema: string })[]> {
  return rows<DeferredIndex & { schema: string }>(
    em,
    `SELECT ic.relname AS name, t.relname AS "table", n.nspname AS schema, pg_get_indexdef(i.indexrelid) AS definition
     FROM pg_index i
     JOIN pg_class t ON t.oid = i.indrelid
     JOIN pg_class ic ON ic.oid = i.indexrelid
     JOIN pg_namespace n ON n.oid = ic.relnamespace
     LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = i.indkey[0]
     WHERE t.oid = ANY(ARRAY(SELECT to_regclass(x) FROM unnest($1::text[]) AS x))
       AND NOT i.indisunique AND NOT i.indisprimary AND i.indisvalid
       AND NOT (t.relname <> 'customer_profile' AND a.attname = 'customer_id')
     ORDER BY t.relname COLLATE "C", ic.relname COLLATE "C"`,
    [TABLES]
  )
}

/**
 * Drops the deferrable indexes when the projection holds fewer than
 * `maxProfiles` profiles, and records them on the run (while it holds
 * `leaseUntil`), in the caller's transaction. Answers what was deferred
 * (empty when the projection is not empty enough, the run is not held, or
 * a table's lock is not had within a few seconds: the run then goes on with
 * its indexes).
 */
export async function deferProjectionIndexes(
  em: SqlEntityManager,
  runId: string,
  leaseUntil: Date,
  maxProfiles: number
): Promise<DeferredIndex[]> {
  const [held] = await rows<{ deferred: DeferredIndex[] | null }>(
    em,
    `SELECT deferred_indexes AS deferred FROM customer_facts_backfill
     WHERE id = $1 AND lease_until = $2::timestamptz AND status = 'running' AND deleted_at IS NULL FOR UPDATE`,
    [runId, leaseUntil]
  )
  if (!held || (held.deferred ?? []).length) {
    return []
  }
  const [{ profiles }] = await rows<{ profiles: number }>(
    em,
    `SELECT count(*)::int AS profiles FROM (SELECT 1 FROM customer_profile WHERE deleted_at IS NULL LIMIT $1::int) p`,
    [maxProfiles]
  )
  if (profiles >= maxProfiles) {
    return []
  }
  const found = await deferrableIndexes(em)
  if (!found.length) {
    return []
  }
  const deferred = found.map(({ name, table, definition }) => ({ name, table, definition }))
  await exec(em, `UPDATE customer_facts_backfill SET deferred_indexes = $2::jsonb, updated_at = now() WHERE id = $1`, [
    runId,
    JSON.stringify(deferred),
  ])
  // The three tables' locks at once, before any index goes (one at a time, a drop would hold one table while it
  // waits for the next). A busy projection is not worth a stall: past the timeout the caller goes on with its indexes.
  await exec(em, "SET LOCAL lock_timeout = '5s'")
  await exec(em, `LOCK TABLE ${TABLES.join(", ")} IN ACCESS EXCLUSIVE MODE`)
  for (const index of found) {
    await exec(em, `DROP INDEX IF EXISTS ${quote(index.schema)}.${quote(index.name)}`)
  }
  return deferred
}

/** Runs with indexes still to build: ended ones (any instance may build them) or this one. */
export async function runsWithDeferredIndexes(em: SqlEntityManager): Promise<{ id: string; status: string }[]> {
  return rows<{ id: string; status: string }>(
    em,
    `SELECT id, status FROM customer_facts_backfill
     WHERE deleted_at IS NULL AND jsonb_array_length(COALESCE(deferred_indexes, '[]'::jsonb)) > 0
     ORDER BY created_at ASC, id ASC`
  )
}

/** An index a run deferred could not be built; the run's transaction for it rolled back. */
export class DeferredIndexFailed extends Error {
  constructor(readonly index: DeferredIndex, readonly cause: unknown) {
    super(`index ${index.name} could not be built again: ${(cause as Error)?.message ?? String(cause)}`)
    this.name = "DeferredIndexFailed"
  }
}

/**
 * Builds the next index a run deferred and strikes it from the run, in the
 * caller's transaction, under a lock no other builder holds at once (`wait`:
 * for it; otherwise answers "busy" when another builder has it). Answers the
 * index built (or found already there), or null when none is left. Throws
 * DeferredIndexFailed when the index cannot be built.
 */
export async function buildNextDeferredIndex(
  em: SqlEntityManager,
  runId: string,
  options: { wait: boolean }
): Promise<DeferredIndex | "busy" | null> {
  if (options.wait) {
    await exec(em, `SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [BUILD_LOCK])
  } else {
    const [got] = await rows<{ locked: boolean }>(em, `SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS locked`, [BUILD_LOCK])
    if (!got?.locked) {
      return "busy"
    }
  }
  const [run] = await rows<{ deferred: DeferredIndex[] | null }>(
    em,
    `SELECT deferred_indexes AS deferred FROM customer_facts_backfill WHERE id = $1 AND deleted_at IS NULL`,
    [runId]
  )
  const next = (run?.deferred ?? [])[0]
  if (!next) {
    return null
  }
  // The definition as pg_get_indexdef printed it ("CREATE [UNIQUE] INDEX name ON …"); made idempotent.
  const statement = next.definition.replace(/^CREATE (UNIQUE )?INDEX /, (m) => `${m}IF NOT EXISTS `)
  if (!/^CREATE (UNIQUE )?INDEX IF NOT EXISTS /.test(statement)) {
    throw new DeferredIndexFailed(next, new Error("unexpected definition"))
  }
  // A whole-table build: a statement_timeout of the database or role would stop it.
  await exec(em, "SET LOCAL statement_timeout = 0")
  try {
    await execVerbatim(em, statement)
  } catch (error) {
    throw new DeferredIndexFailed(next, error)
  }
  await strike(em, runId, next.name)
  return next
}

/**
 * Gives up an index that cannot be built again: strikes it from the run and
 * records it in the run's error with its definition (to be created by hand),
 * in the caller's transaction.
 */
export async function giveUpDeferredIndex(em: SqlEntityManager, runId: string, index: DeferredIndex, reason: string): Promise<void> {
  await strike(em, runId, index.name)
  const note = `index ${index.name} could not be built again (${reason}); create it with: ${index.definition}`
  await exec(
    em,
    `UPDATE customer_facts_backfill SET error = CASE WHEN error IS NULL THEN $2 ELSE error || '; ' || $2 END, updated_at = now() WHERE id = $1`,
    [runId, note]
  )
}

async function strike(em: SqlEntityManager, runId: string, name: string): Promise<void> {
  await exec(
    em,
    `UPDATE customer_facts_backfill
     SET deferred_indexes = COALESCE((SELECT jsonb_agg(x ORDER BY o) FROM jsonb_array_elements(deferred_indexes) WITH ORDINALITY AS e(x, o) WHERE x ->> 'name' <> $2), '[]'::jsonb),
         updated_at = now()
     WHERE id = $1`,
    [runId, name]
  )
}

function quote(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`
}
