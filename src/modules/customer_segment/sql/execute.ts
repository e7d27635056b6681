import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import { MedusaError } from "@medusajs/framework/utils"

/**
 * Statements here are written with numbered parameters ($1, $2, …: a value
 * bound once, referenced as often as needed). MikroORM executes through
 * knex, which takes positional `?`: this turns one into the other. JS arrays
 * are bound as one PostgreSQL array literal (knex would spread them into a
 * list), to be cast: `$1::text[]`.
 */
const arrayLiteral = (values: unknown[]): string =>
  `{${values
    .map((v) => (v === null || v === undefined ? "NULL" : `"${String(v instanceof Date ? v.toISOString() : v).replace(/["\\]/g, (c) => `\\${c}`)}"`))
    .join(",")}}`

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

/** Runs a statement with numbered parameters and returns its rows. */
export async function rows<T>(em: SqlEntityManager, sql: string, params: readonly unknown[] = []): Promise<T[]> {
  const statement = positional(sql, params)
  return (await em.execute(statement.sql, statement.bindings, "all")) as T[]
}

/** Runs a statement with numbered parameters. */
export async function exec(em: SqlEntityManager, sql: string, params: readonly unknown[] = []): Promise<void> {
  const statement = positional(sql, params)
  await em.execute(statement.sql, statement.bindings, "run")
}
