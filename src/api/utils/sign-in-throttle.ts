import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { getHttpResponseFromError } from "@medusajs/framework/http"
import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { CUSTOMER_ACTIVITY_MODULE } from "../../modules/customer_activity"
import { clientIp, ipLimitKey } from "../../modules/customer_activity/client-ip"
import { CustomerActivityEvents, type AccountLockedEventPayload, type SignInLockScope } from "../../modules/customer_activity/events"
import { isRefusal, type Limiter } from "../../modules/customer_activity/limits"
import type CustomerActivityModuleService from "../../modules/customer_activity/service"
import type { SecurityEventInput } from "../../modules/customer_activity/service"
import { foldEmail, limiterStore, signInKeys, signInLimiters } from "../../modules/customer_activity/sign-in-limits"
import { activitySettings } from "./activity-settings"

/**
 * Sign-in protection on Medusa's email/password route, every actor type
 * (docs/decisions/0027; the counters are the email's, whatever actor type the
 * path names, and the log's details say which). Before the password is checked, the attempt takes
 * one point from each counter (atomic in the store), so N parallel attempts
 * let exactly the allowed number through. Medusa's handler then runs either
 * way — a refused attempt costs the time of a real check — and its answer is
 * replaced, when refused, by exactly Medusa's answer to a wrong password (even
 * when the password was right). A success deletes the account's counters and
 * gives the client its point back; a failure keeps the points, and the one
 * that reaches a limit starts the lock (`lockout_minutes`), emits
 * `customer_suite.account_locked` and is written to the security log.
 */

/** What Medusa's emailpass provider and error handler answer for a wrong password (the same for an unknown email). */
const WRONG_PASSWORD = getHttpResponseFromError(new MedusaError(MedusaError.Types.UNAUTHORIZED, "Invalid email or password"))
/** Longest email and actor type kept in the security log (any identifier is counted; its hash is the key). */
const MAX_LOGGED_EMAIL = 320
const MAX_LOGGED_ACTOR_TYPE = 100

type Counter = { scope: SignInLockScope; limiter: Limiter; key: string; blockSeconds: number }
type Passed = { counter: Counter; consumed: number; msBeforeNext: number }
type Attempt = { refusedBy: SignInLockScope | null; passed: Passed[] }

/** Takes a point from each counter in turn; on a refusal, the earlier ones get theirs back (a refused attempt tests no password). */
async function consumeAttempt(counters: Counter[], logger: Logger): Promise<Attempt> {
  const passed: Passed[] = []
  for (const counter of counters) {
    try {
      const res = await counter.limiter.consume(counter.key, 1)
      passed.push({ counter, consumed: res.consumedPoints, msBeforeNext: res.msBeforeNext })
    } catch (error) {
      const refund = Promise.all(passed.map((p) => p.counter.limiter.reward(p.counter.key, 1)))
      if (isRefusal(error)) {
        void refund.catch((e: Error) => logger.warn(`customer-suite: sign-in throttle: refund failed: ${e.message}`))
        return { refusedBy: counter.scope, passed: [] }
      }
      await refund.catch(() => undefined)
      throw error
    }
  }
  return { refusedBy: null, passed }
}

async function customerIdByEmail(container: MedusaContainer, raw: string, folded: string): Promise<string | null> {
  const emails = [...new Set([folded, raw.trim()])]
  const [customer] = await container.resolve(Modules.CUSTOMER).listCustomers({ email: emails, has_account: true }, { select: ["id"], take: 1 })
  return customer?.id ?? null
}

export function signInThrottle() {
  return async (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    const container = req.scope
    const logger = container.resolve<Logger>(ContainerRegistrationKeys.LOGGER)
    const body = (req.body ?? {}) as Record<string, unknown>
    const email = foldEmail(body.email)
    // Without an email and a password Medusa refuses by itself, with its own words: nothing is counted.
    if (!email || typeof body.password !== "string" || !body.password) {
      return next()
    }
    let attempt: Attempt
    let ip = ""
    try {
      const settings = await activitySettings(container)
      if (!settings.enabled) {
        return next()
      }
      const options = settings.sign_in
      ip = clientIp(req, settings.trusted_proxies)
      const keys = signInKeys(email, ipLimitKey(ip))
      const limits = signInLimiters(limiterStore(container, settings), options)
      const blockSeconds = options.lockout_minutes * 60
      const counters: Counter[] = [
        ...(options.lockout_mode === "account_and_ip" ? [{ scope: "pair" as const, limiter: limits.pair, key: keys.pair, blockSeconds }] : []),
        { scope: "account", limiter: limits.account, key: keys.account, blockSeconds },
        { scope: "ip", limiter: limits.ip, key: keys.ip, blockSeconds: 0 },
      ]
      attempt = await consumeAttempt(counters, logger)
    } catch (error) {
      // The store is down or misconfigured: sign-in goes on unthrottled rather than not at all.
      logger.error(`customer-suite: sign-in throttle unavailable, attempt not counted: ${(error as Error).message}`)
      return next()
    }

    const userAgent = typeof req.headers["user-agent"] === "string" ? req.headers["user-agent"] : null
    const rawEmail = String(body.email)
    const actorType = String(req.params?.actor_type ?? "").slice(0, MAX_LOGGED_ACTOR_TYPE)

    /** The security log and the lock events, after the answer (never delaying it, never failing it). */
    const record = async (outcome: "success" | "failure" | "locked", locks: Array<{ scope: SignInLockScope; until: Date }>) => {
      const occurredAt = new Date()
      const customerId = await customerIdByEmail(container, rawEmail, email)
      const base = { email: email.slice(0, MAX_LOGGED_EMAIL), ip: ip || null, user_agent: userAgent, occurred_at: occurredAt }
      const events: SecurityEventInput[] = [
        {
          ...base,
          kind: "sign_in",
          outcome,
          customer_id: customerId,
          actor_type: outcome === "success" && customerId ? "customer" : "anonymous",
          actor_id: outcome === "success" ? customerId : null,
          details: { actor_type: actorType, ...(attempt.refusedBy ? { scope: attempt.refusedBy } : {}) },
        },
        ...locks.map(
          (lock): SecurityEventInput => ({
            ...base,
            kind: "account_locked",
            outcome: "locked",
            // An IP lock is no account's.
            customer_id: lock.scope === "ip" ? null : customerId,
            email: lock.scope === "ip" ? null : email,
            actor_type: "system",
            details: { scope: lock.scope, locked_until: lock.until.toISOString() },
          })
        ),
      ]
      await container.resolve<CustomerActivityModuleService>(CUSTOMER_ACTIVITY_MODULE).recordSecurityEvents(events)
      if (locks.length) {
        await container.resolve(Modules.EVENT_BUS).emit(
          locks.map((lock) => ({
            name: CustomerActivityEvents.ACCOUNT_LOCKED,
            data: { customer_id: lock.scope === "ip" ? null : customerId, scope: lock.scope, locked_until: lock.until.toISOString() } satisfies AccountLockedEventPayload,
          }))
        )
      }
    }

    /** Counts what Medusa answered; a success resets the account and gives the client its point back. */
    const settle = async (status: number): Promise<void> => {
      if (attempt.refusedBy) {
        void record("locked", []).catch((e: Error) => logger.warn(`customer-suite: sign-in log: ${e.message}`))
        return
      }
      if (status >= 200 && status < 300) {
        await Promise.all(
          attempt.passed.map((p) => (p.counter.scope === "ip" ? p.counter.limiter.reward(p.counter.key, 1) : p.counter.limiter.delete(p.counter.key)))
        )
        void record("success", []).catch((e: Error) => logger.warn(`customer-suite: sign-in log: ${e.message}`))
        return
      }
      if (status !== 401) {
        // Not an answer about the password (e.g. a server error): the points go back.
        await Promise.all(attempt.passed.map((p) => p.counter.limiter.reward(p.counter.key, 1)))
        return
      }
      // The failure that reaches a limit starts the lock: from now on, the next attempt is refused.
      const locks: Array<{ scope: SignInLockScope; until: Date }> = []
      for (const p of attempt.passed) {
        if (p.consumed !== p.counter.limiter.points) {
          continue
        }
        if (p.counter.blockSeconds > 0) {
          await p.counter.limiter.block(p.counter.key, p.counter.blockSeconds)
          locks.push({ scope: p.counter.scope, until: new Date(Date.now() + p.counter.blockSeconds * 1000) })
        } else {
          locks.push({ scope: p.counter.scope, until: new Date(Date.now() + Math.max(p.msBeforeNext, 0)) })
        }
      }
      void record("failure", locks).catch((e: Error) => logger.warn(`customer-suite: sign-in log: ${e.message}`))
    }

    // Medusa's handler answers (or its error handler does) through res.json: hold that answer until counted.
    const send = res.json.bind(res)
    res.json = ((payload: unknown) => {
      res.json = send
      settle(res.statusCode)
        .catch((e: Error) => logger.error(`customer-suite: sign-in throttle: ${e.message}`))
        .finally(() => {
          if (attempt.refusedBy) {
            res.status(WRONG_PASSWORD.statusCode)
            send(WRONG_PASSWORD.body)
          } else {
            send(payload)
          }
        })
      return res
    }) as typeof res.json
    next()
  }
}
