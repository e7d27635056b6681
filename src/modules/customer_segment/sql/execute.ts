import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import { MedusaError } from "@medusajs/framework/utils"

/**
 * Statements here are written with numbered parameters ($1, $2, …: a value
 * bound once, referenced as often as needed). MikroORM executes through
 * knex, which takes positional `?`: this turns one into the other. JS arrays
 * are bound as one PostgreSQL array literal (knex would spread them into a
 * list), to be cast: `$1::text[]`.
 */
const arrayLiteral = (values: unknown[]): string => {
  // One string per element, escaped only when it needs it: a batch binds arrays of thousands of ids to several statements.
  const parts = new Array<string>(values.length)
  for (let i = 0; i < values.length; i++) {
    const v = values[i]
    if (v === null || v === undefined) {
      parts[i] = "NULL"
      continue
    }
    const text = String(v instanceof Date ? v.toISOString() : v)
    parts[i] = `"${text.includes('"') || text.includes("\\") ? text.replace(/["\\]/g, (c) => `\\${c}`) : text}"`
  }
  return `{${parts.join(",")}}`
}

type Binding = string | number | boolean | Date | null

export function positional(sql: string, params: readonly unknown[]): { sql: string; bindings: Binding[] } {
  const bindings: Binding[] = []
  const text = sql.replace(/\$(\d+)/g, (_, n: string) => {
    const index = Number(n) - 1
    if (index < 0 || index >= params.length) {
      throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `SQL parameter $${n} has no value (${params.length} given)`)
    }
    const value = params[index]
    bindings.push(Array.isArray(value) ? arrayLiteral(value) : (value as Binding))
    return "?"
  })
  return { sql: text, bindings }
}

/**
 * Sends a statement with its values bound by the server. Not through
 * `em.execute`: MikroORM formats every value into the SQL text client-side,
 * which is slow for the arrays of thousands of ids a refresh batch binds
 * (measured: 400 ms instead of 110 ms for a batch of 5,000). In the
 * entity manager's transaction when it has one.
 */
async function send(em: SqlEntityManager, sql: string, params: readonly unknown[]): Promise<{ rows: unknown[] }> {
  const statement = positional(sql, params)
  return sendRaw(em, statement.sql, statement.bindings)
}

/** Sends knex SQL, in the entity manager's transaction when it has one. Without bindings the text goes as it is. */
async function sendRaw(em: SqlEntityManager, sql: string, bindings?: Binding[]): Promise<{ rows: unknown[] }> {
  // Without bindings knex sends the text as it is (a `?` stays a `?`: tested with a jsonb `?` index).
  const query = bindings ? em.getKnex().raw(sql, bindings) : em.getKnex().raw(sql)
  const transaction = em.getTransactionContext()
  if (transaction) {
    query.transacting(transaction)
  }
  return (await query) as { rows: unknown[] }
}

/** Runs a statement with numbered parameters and returns its rows. */
export async function rows<T>(em: SqlEntityManager, sql: string, params: readonly unknown[] = []): Promise<T[]> {
  return (await send(em, sql, params)).rows as T[]
}

/** Runs a statement with numbered parameters. */
export async function exec(em: SqlEntityManager, sql: string, params: readonly unknown[] = []): Promise<void> {
  await send(em, sql, params)
}

/**
 * Runs a statement as written, without parameters: SQL read from the
 * catalogue (an index definition may hold `$1` or a jsonb `?` operator, which
 * `positional` and knex's placeholders would take for parameters).
 */
export async function execVerbatim(em: SqlEntityManager, sql: string): Promise<void> {
  await sendRaw(em, sql)
}

/**
 * Independent reads: at once on the pool, one after the other inside a
 * transaction (its one connection takes a statement at a time).
 */
export async function concurrently<T extends readonly unknown[]>(
  em: SqlEntityManager,
  reads: { [K in keyof T]: () => Promise<T[K]> | T[K] }
): Promise<T> {
  if (em.getTransactionContext()) {
    const results: unknown[] = []
    for (const read of reads) {
      results.push(await read())
    }
    return results as unknown as T
  }
  return (await Promise.all(reads.map((read) => read()))) as unknown as T
}

/**
 * Reads a statement's rows `size` at a time through a cursor, in a
 * transaction of its own on one connection of the pool (`settings` are SET
 * LOCAL in it first), so at most one page is in memory however many rows
 * there are. `onPage` runs for each page before the next is fetched; its
 * writes go through other connections (the cursor's transaction stays open
 * until the last page, holding its snapshot).
 */
export async function eachPage<T>(
  em: SqlEntityManager,
  sql: string,
  params: readonly unknown[],
  options: { size: number; settings?: string[] },
  onPage: (page: T[]) => Promise<void>
): Promise<void> {
  const statement = positional(sql, params)
  await em.getKnex().transaction(async (trx) => {
    for (const setting of options.settings ?? []) {
      await trx.raw(`SET LOCAL ${setting}`)
    }
    await trx.raw(`DECLARE customer_suite_page NO SCROLL CURSOR FOR ${statement.sql}`, statement.bindings)
    for (;;) {
      const { rows: page } = (await trx.raw(`FETCH FORWARD ${Math.max(1, Math.floor(options.size))} FROM customer_suite_page`)) as {
        rows: T[]
      }
      if (page.length) {
        await onPage(page)
      }
      if (page.length < options.size) {
        break
      }
    }
    await trx.raw("CLOSE customer_suite_page")
  })
}

/**
 * SQL for a new row id, time-ordered like Medusa's own (ULID) ids: the
 * microseconds of clock_timestamp() in 14 hex digits, then 16 random hex
 * digits. Rows written together land at the right edge of the primary key's
 * index; with a random id per row, every batch of a big backfill wrote into
 * pages all over a growing index (decision 0060).
 */
export const newRowId = (prefix: string): string =>
  `'${prefix}_' || lpad(to_hex((extract(epoch FROM clock_timestamp()) * 1000000)::bigint), 14, '0') || substr(replace(gen_random_uuid()::text, '-', ''), 1, 16)`
