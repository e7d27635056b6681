import type { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
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
  /** Appends entries to the security log (emails folded, user agents bounded). */
  @InjectManager()
  async recordSecurityEvents(events: SecurityEventInput[], @MedusaContext() context: Context = {}): Promise<void> {
    if (!events.length) {
      return
    }
    await this.createCustomerSecurityEvents(
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
  }
}
