import type { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils"
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
  /** Appends entries to the security log (emails folded, user agents bounded); answers their ids. */
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
