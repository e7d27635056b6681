import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { clientIp } from "../../modules/customer_activity/client-ip"
import { activitySettings } from "../utils/activity-settings"
import { consumeResetAllowance, foldEmail, sendResetThrottled } from "../utils/reset-throttle"
import { recordSecurityEventsWorkflow } from "../../workflows/customer-activity"

/** Longest email kept in the security log (RFC 5321's path limit is 256; a client may send anything). */
const MAX_LOGGED_EMAIL = 320

type ResetRequestLog = { identifier: string; outcome: "sent" | "no_account" | "throttled"; ip: string; user_agent: string | null }

/**
 * Writes the request to the security log once the answer has gone: the
 * customer is looked up only here, so neither the answer nor its timing
 * depends on whether the email has an account. A failed write is reported,
 * never the request's failure.
 */
async function logResetRequest(container: MedusaContainer, entry: ResetRequestLog) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  try {
    const email = foldEmail(entry.identifier).slice(0, MAX_LOGGED_EMAIL)
    const [customer] = await container
      .resolve(Modules.CUSTOMER)
      .listCustomers({ email: [...new Set([entry.identifier, email])], has_account: true }, { select: ["id"], take: 1 })
    await recordSecurityEventsWorkflow(container).run({
      input: {
        events: [
          {
            kind: "password_reset_request",
            // An allowed request for an email without an account sends nothing.
            outcome: entry.outcome === "sent" && !customer ? "no_account" : entry.outcome,
            customer_id: customer?.id ?? null,
            email,
            ip: entry.ip || null,
            user_agent: entry.user_agent,
            actor_type: "anonymous",
          },
        ],
      },
    })
  } catch (error) {
    logger.warn(`customer-suite: could not record a password reset request in the security log: ${(error as Error).message}`)
  }
}

/**
 * Throttles `POST /auth/:actor_type/emailpass/reset-password` (decision 0033)
 * for every actor type — Medusa emits `auth.password_reset` for the email
 * whatever actor type the path names, so all of them share the counters:
 * counts every request by client IP and/or email as `password_reset.protection`
 * says, and answers 429 with Retry-After over a limit — the same words for any
 * email. An allowed request goes on to Medusa's route (201, `auth.password_reset`).
 */
export function resetPasswordThrottle() {
  return async (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    const identifier: unknown = (req.body as Record<string, unknown> | undefined)?.identifier
    if (typeof identifier !== "string" || !identifier.trim()) {
      // Medusa's validator answers a missing identifier.
      return next()
    }
    try {
      const container = req.scope
      const settings = await activitySettings(container)
      if (!settings.enabled) {
        return next()
      }
      const ip = clientIp(req, settings.trusted_proxies)
      const allowance = await consumeResetAllowance(container, { email: identifier, ip })
      const userAgent = req.get("user-agent") ?? null
      res.once("finish", () => {
        // A request Medusa refused (a bad body) sent nothing and is not a reset request.
        if (allowance.allowed && res.statusCode >= 300) {
          return
        }
        void logResetRequest(container, { identifier, outcome: allowance.allowed ? "sent" : "throttled", ip, user_agent: userAgent })
      })
      if (!allowance.allowed) {
        return sendResetThrottled(res, allowance.retry_after_seconds)
      }
      return next()
    } catch (error) {
      return next(error)
    }
  }
}

export const authResetPasswordMiddlewares: MiddlewareRoute[] = [
  // The static "emailpass" segment sorts this before Medusa's body validator on `/auth/:actor_type/:auth_provider/reset-password`.
  { method: ["POST"], matcher: "/auth/:actor_type/emailpass/reset-password", middlewares: [resetPasswordThrottle()] },
]
