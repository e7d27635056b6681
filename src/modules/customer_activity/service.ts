import type { Context } from "@medusajs/framework/types"
import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { rows } from "../customer_segment/sql/execute"
import CustomerPresence from "./models/customer-presence"
import CustomerSecurityEvent, { type SecurityEventKind } from "./models/customer-security-event"
import CustomerSessionRevocation from "./models/customer-session-revocation"

export type { SecurityEventKind } from "./models/customer-security-event"

/** One security log entry as the plugin records it (never a secret). */
export type SecurityEventInput = {
  kind: SecurityEventKind
  outcome: string
  customer_id?: string | null
  email?: string | null
  ip?: string | null
  user_agent?: string | null
  actor_type: "customer" | "user" | "system" | "anonymous"
  actor_id?: string | null
  details?: Record<string, unknown> | null
  /** Default: now. */
  occurred_at?: Date
}

/** Longest user agent kept in the log (a header is client-chosen). */
export const MAX_USER_AGENT = 512

/**
 * Account security and presence: the security log, session revocations,
 * presence rows. Sign-in and reset counters live in the limiter's own table
 * (`customer_suite_rate_limit`, or Redis), not in a model.
 */
export default class CustomerActivityModuleService extends MedusaService({
  CustomerSecurityEvent,
  CustomerSessionRevocation,
  CustomerPresence,
}) {
  /** Appends entries to the security log (emails folded, user agents bounded); answers the new rows' ids. */
  @InjectManager()
  async recordSecurityEvents(events: SecurityEventInput[], @MedusaContext() context: Context = {}): Promise<string[]> {
    if (!events.length) {
      return []
    }
    const created = await this.createCustomerSecurityEvents(
      events.map((e) => ({
        kind: e.kind,
        outcome: e.outcome,
        customer_id: e.customer_id ?? null,
        email: e.email ? e.email.trim().toLowerCase() : null,
        ip: e.ip ?? null,
        user_agent: e.user_agent ? e.user_agent.slice(0, MAX_USER_AGENT) : null,
        actor_type: e.actor_type,
        actor_id: e.actor_id ?? null,
        details: e.details ?? null,
        occurred_at: e.occurred_at ?? new Date(),
      })),
      context
    )
    return created.map((row) => row.id)
  }

  /**
   * Deletes at most `batchSize` security log rows that occurred before
   * `before` (oldest first) in one statement; answers how many. The
   * retention job calls it until it answers fewer than `batchSize`.
   */
  @InjectManager()
  async pruneSecurityEvents(before: Date, batchSize: number, @MedusaContext() context: Context = {}): Promise<number> {
    return this.pruneSecurityEvents_(before, batchSize, context)
  }

  @InjectTransactionManager()
  protected async pruneSecurityEvents_(before: Date, batchSize: number, @MedusaContext() context: Context = {}): Promise<number> {
    const found = await rows<{ n: string }>(
      context.transactionManager as SqlEntityManager,
      `WITH gone AS (
         DELETE FROM customer_security_event WHERE id IN (
           SELECT id FROM customer_security_event WHERE occurred_at < $1 ORDER BY occurred_at LIMIT $2
         ) RETURNING 1
       ) SELECT count(*) AS n FROM gone`,
      [before, Math.max(1, Math.floor(batchSize))]
    )
    return Number(found[0]?.n ?? 0)
  }
}
