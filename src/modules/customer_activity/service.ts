import type { Context } from "@medusajs/framework/types"
import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils"
import { exec, rows } from "../customer_segment/sql/execute"
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

/** One shopper's latest store request, as the presence tracker queues it. */
export type PresenceRow = {
  kind: "customer" | "visitor"
  /** The customer id (kind customer) or the cart id (kind visitor). */
  subject_id: string
  customer_id: string | null
  cart_id: string | null
  last_seen_at: Date
  last_path: string | null
}

/** Why a customer's sessions were ended. */
export type SessionRevocationReason = "customer" | "staff" | "password_changed" | "password_reset"

/** A revocation as written, with what it replaced (for a workflow's compensation). */
export type SessionRevocationResult = {
  id: string
  customer_id: string
  revoked_at: Date
  reason: string
  /** The row before: null when there was none. */
  previous: { revoked_at: Date; reason: string } | null
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

  /**
   * Writes a batch of presence in one statement: a new shopper gets a row, a
   * known one keeps its first_seen_at and takes the later last_seen_at (with
   * that request's path). Rows of one batch have distinct (kind, subject_id).
   */
  @InjectManager()
  async recordPresence(batch: PresenceRow[], @MedusaContext() context: Context = {}): Promise<void> {
    if (!batch.length) {
      return
    }
    await exec(
      context.manager as SqlEntityManager,
      `INSERT INTO customer_presence (id, kind, subject_id, customer_id, cart_id, first_seen_at, last_seen_at, last_path, created_at, updated_at)
       SELECT 'cpres_' || replace(gen_random_uuid()::text, '-', ''), x.kind, x.subject_id, x.customer_id, x.cart_id,
         x.last_seen_at, x.last_seen_at, x.last_path, now(), now()
       FROM jsonb_to_recordset($1::jsonb) AS x(kind text, subject_id text, customer_id text, cart_id text, last_seen_at timestamptz, last_path text)
       ON CONFLICT (kind, subject_id) WHERE deleted_at IS NULL DO UPDATE SET
         last_path = CASE WHEN EXCLUDED.last_seen_at >= customer_presence.last_seen_at THEN EXCLUDED.last_path ELSE customer_presence.last_path END,
         last_seen_at = greatest(customer_presence.last_seen_at, EXCLUDED.last_seen_at),
         customer_id = COALESCE(EXCLUDED.customer_id, customer_presence.customer_id),
         cart_id = COALESCE(EXCLUDED.cart_id, customer_presence.cart_id),
         updated_at = now()`,
      [JSON.stringify(batch.map((r) => ({ ...r, last_seen_at: r.last_seen_at.toISOString() })))]
    )
  }

  /** The customers' latest activity (kind customer), by customer id. */
  @InjectManager()
  async mapCustomersLastSeen(customerIds: string[], @MedusaContext() context: Context = {}): Promise<Map<string, Date>> {
    const out = new Map<string, Date>()
    if (!customerIds.length) {
      return out
    }
    const found = await rows<{ subject_id: string; last_seen_at: Date }>(
      context.manager as SqlEntityManager,
      `SELECT subject_id, last_seen_at FROM customer_presence WHERE kind = 'customer' AND subject_id = ANY($1::text[]) AND deleted_at IS NULL`,
      [customerIds]
    )
    for (const row of found) {
      out.set(row.subject_id, new Date(row.last_seen_at))
    }
    return out
  }

  /**
   * Deletes up to `limit` visitor rows last seen before `before` (oldest
   * first); answers how many. Customers' rows are kept (last_activity_date).
   */
  @InjectManager()
  async pruneVisitorPresence(before: Date, limit: number, @MedusaContext() context: Context = {}): Promise<number> {
    const deleted = await rows<{ id: string }>(
      context.manager as SqlEntityManager,
      `DELETE FROM customer_presence WHERE id IN (
         SELECT id FROM customer_presence
         WHERE kind = 'visitor' AND last_seen_at < $1 AND deleted_at IS NULL
         ORDER BY last_seen_at LIMIT $2
       ) RETURNING id`,
      [before, limit]
    )
    return deleted.length
  }

  /**
   * "Sign out everywhere": the customer's one revocation row now says
   * revoked_at = now (never earlier than it already was). Tokens and cookie
   * sessions with `iat` at or before that second are refused by the guard.
   * The caller answers only once the next second has begun (the workflow does).
   */
  @InjectManager()
  async revokeSessions(
    customer_id: string,
    reason: SessionRevocationReason,
    @MedusaContext() context: Context = {}
  ): Promise<SessionRevocationResult> {
    try {
      return await this.revokeSessions_(customer_id, reason, context)
    } catch (error) {
      // Two requests wrote the customer's first row at once and the other won (unique index): update that row.
      if (!context.transactionManager && (await this.listCustomerSessionRevocations({ customer_id }, { select: ["id"], take: 1 }, context)).length) {
        return await this.revokeSessions_(customer_id, reason, context)
      }
      throw error
    }
  }

  @InjectTransactionManager()
  protected async revokeSessions_(
    customer_id: string,
    reason: SessionRevocationReason,
    @MedusaContext() context: Context = {}
  ): Promise<SessionRevocationResult> {
    if (!customer_id) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "customer_id is required")
    }
    const now = new Date()
    const [row] = await this.listCustomerSessionRevocations({ customer_id }, { select: ["id", "revoked_at", "reason"], take: 1 }, context)
    if (!row) {
      const created = await this.createCustomerSessionRevocations({ customer_id, revoked_at: now, reason }, context)
      return { id: created.id, customer_id, revoked_at: now, reason, previous: null }
    }
    const previous = { revoked_at: new Date(row.revoked_at), reason: row.reason }
    // Clocks of two instances may differ a little: a revocation never moves back.
    const revoked_at = previous.revoked_at > now ? previous.revoked_at : now
    await this.updateCustomerSessionRevocations({ id: row.id, revoked_at, reason }, context)
    return { id: row.id, customer_id, revoked_at, reason, previous }
  }

  /** Puts a revocation back as it was (a workflow's compensation): the previous state, or no row. */
  @InjectManager()
  async restoreSessionRevocation(result: SessionRevocationResult, @MedusaContext() context: Context = {}): Promise<void> {
    await this.restoreSessionRevocation_(result, context)
  }

  @InjectTransactionManager()
  protected async restoreSessionRevocation_(result: SessionRevocationResult, @MedusaContext() context: Context = {}): Promise<void> {
    if (result.previous) {
      await this.updateCustomerSessionRevocations({ id: result.id, ...result.previous }, context)
    } else {
      await this.deleteCustomerSessionRevocations(result.id, context)
    }
  }

  /** When the customer's sessions were last ended (null: never). */
  @InjectManager()
  async sessionsRevokedAt(customer_id: string, @MedusaContext() context: Context = {}): Promise<Date | null> {
    const [row] = await this.listCustomerSessionRevocations({ customer_id }, { select: ["revoked_at"], take: 1 }, context)
    return row ? new Date(row.revoked_at) : null
  }
}
