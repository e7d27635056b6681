import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { positional } from "../../../../modules/customer_segment/sql/execute"
import type { AdminOnlineResponse, AdminOnlineShopper } from "../../../../types/http"
import { containsPattern } from "../../../utils/contains-pattern"

export type OnlineQuery = { kind?: "customer" | "visitor"; window_minutes: number; q?: string; offset: number; limit: number }

type Knex = { raw: (sql: string, bindings: unknown[]) => Promise<{ rows: unknown[] }> }

/**
 * Who was seen within the window, newest first (id breaks ties), with the
 * customer's name and email from Medusa's customer table, or the guest cart's
 * email; and how many customers and visitors that is. One statement over the
 * presence rows of the window (indexed on last_seen_at) joined to the rows of
 * the page's shoppers only.
 */
export async function listOnline(container: MedusaContainer, query: OnlineQuery, now = new Date()): Promise<AdminOnlineResponse> {
  const knex = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const run = async <T>(sql: string, params: unknown[]) => {
    const statement = positional(sql, params)
    return (await knex.raw(statement.sql, statement.bindings)).rows as T[]
  }
  const since = new Date(now.getTime() - query.window_minutes * 60_000)
  const search = query.q ? query.q : null
  const from = `FROM customer_presence pr
    LEFT JOIN customer c ON pr.kind = 'customer' AND c.id = pr.customer_id AND c.deleted_at IS NULL
    LEFT JOIN cart ca ON pr.kind = 'visitor' AND ca.id = pr.cart_id AND ca.deleted_at IS NULL
    WHERE pr.deleted_at IS NULL AND pr.last_seen_at >= $1
      AND ($2::text IS NULL OR pr.kind = $2)
      AND ($3::text IS NULL OR c.email ILIKE $4 OR c.first_name ILIKE $4 OR c.last_name ILIKE $4 OR ca.email ILIKE $4
           OR pr.customer_id = $3 OR pr.cart_id = $3)`
  const params = [since, query.kind ?? null, search, search ? containsPattern(search) : null]
  const [counts, [total], shoppers] = await Promise.all([
    run<{ kind: "customer" | "visitor"; n: number }>(
      `SELECT kind, count(*)::int AS n FROM customer_presence WHERE deleted_at IS NULL AND last_seen_at >= $1 GROUP BY kind`,
      [since]
    ),
    run<{ n: number }>(`SELECT count(*)::int AS n ${from}`, params),
    run<AdminOnlineShopper & { last_seen_at: Date }>(
      `SELECT pr.kind, pr.customer_id, pr.cart_id, c.first_name, c.last_name, COALESCE(c.email, ca.email) AS email,
         pr.last_seen_at, pr.last_path
       ${from}
       ORDER BY pr.last_seen_at DESC, pr.id DESC LIMIT $5 OFFSET $6`,
      [...params, query.limit, query.offset]
    ),
  ])
  const of = (kind: string) => counts.find((c) => c.kind === kind)?.n ?? 0
  return {
    counts: { customers: of("customer"), visitors: of("visitor"), total: of("customer") + of("visitor") },
    window_minutes: query.window_minutes,
    shoppers: shoppers.map((s) => ({
      kind: s.kind,
      customer_id: s.customer_id,
      cart_id: s.cart_id,
      first_name: s.first_name ?? null,
      last_name: s.last_name ?? null,
      email: s.email ?? null,
      last_seen_at: new Date(s.last_seen_at).toISOString(),
      last_path: s.last_path,
    })),
    count: total.n,
    offset: query.offset,
    limit: query.limit,
  }
}
