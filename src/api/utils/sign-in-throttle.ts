import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { getHttpResponseFromError } from "@medusajs/framework/http"
import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import Scrypt from "scrypt-kdf"
import { clientIp, ipLimitKey } from "../../modules/customer_activity/client-ip"
import type { AccountLockedEventPayload, SignInLockScope } from "../../modules/customer_activity/events"
import { isRefusal, type Limiter } from "../../modules/customer_activity/limits"
import type { SecurityEventInput } from "../../modules/customer_activity/service"
import { foldEmail, limiterStore, signInKeys, signInLimiters } from "../../modules/customer_activity/sign-in-limits"
import { recordSignInWorkflow } from "../../workflows/sign-in-protection/workflows/record-sign-in"
import { activitySettings } from "./activity-settings"

/**
 * Sign-in protection on Medusa's email/password route, every actor type
 * (docs/decisions/0027; the counters are the email's, whatever actor type the
 * path names, and the log's details say which). Before the password is checked, the attempt takes
 * one point from each counter (atomic in the store), so N parallel attempts
 * let exactly the allowed number through.
 *
 * A refused attempt never reaches Medusa's handler (nothing is signed, no MFA
 * challenge is made): the password is checked here the way Medusa's emailpass
 * provider checks a wrong one (the identity's lookup, then scrypt on its
 * hash), the result is ignored, and the answer is exactly Medusa's answer to a
 * wrong password — in status, body and time, and whether the password was
 * right or not. A refused attempt makes as many counter round trips as a
 * counted one (the counters after the refusing one are read, not consumed).
 *
 * A counted attempt goes on to Medusa's handler. A success deletes the
 * account's counters and gives the client its point back; a failure keeps the
 * points, and the one that reaches a limit starts the lock
 * (`lockout_minutes`), emits `customer_suite.account_locked` and is written
 * to the security log (recordSignInWorkflow, after the answer). Refused
 * attempts are logged at most once a minute per refusing counter and instance.
 */

/** What Medusa's emailpass provider and error handler answer for a wrong password (the same for an unknown email). */
const WRONG_PASSWORD = getHttpResponseFromError(new MedusaError(MedusaError.Types.UNAUTHORIZED, "Invalid email or password"))
/** Longest email and actor type kept in the security log (any identifier is counted; its hash is the key). */
const MAX_LOGGED_EMAIL = 320
const MAX_LOGGED_ACTOR_TYPE = 100

type Counter = { scope: SignInLockScope; limiter: Limiter; key: string; blockSeconds: number }
type Passed = { counter: Counter; consumed: number; msBeforeNext: number }
type Attempt = {
  refusedBy: SignInLockScope | null
  /** The refusing counter (scope and key): what limits the logging of refusals. */
  refusedKey: string | null
  passed: Passed[]
  /** Gives the points taken before a refusal back (after the answer). */
  refund: () => Promise<void>
}

/**
 * Takes a point from each counter in turn. Once one refuses, the rest are only
 * read (the same number of round trips as a counted attempt, nothing taken),
 * and the earlier ones get theirs back after the answer: a refused attempt
 * tests no password.
 */
async function consumeAttempt(counters: Counter[]): Promise<Attempt> {
  const passed: Passed[] = []
  let refused: Counter | null = null
  for (const counter of counters) {
    if (refused) {
      await counter.limiter.get(counter.key)
      continue
    }
    try {
      const res = await counter.limiter.consume(counter.key, 1)
      passed.push({ counter, consumed: res.consumedPoints, msBeforeNext: res.msBeforeNext })
    } catch (error) {
      if (isRefusal(error)) {
        refused = counter
        continue
      }
      await Promise.all(passed.map((p) => p.counter.limiter.reward(p.counter.key, 1))).catch(() => undefined)
      throw error
    }
  }
  if (refused) {
    return {
      refusedBy: refused.scope,
      refusedKey: `${refused.scope}:${refused.key}`,
      passed: [],
      refund: () => Promise.all(passed.map((p) => p.counter.limiter.reward(p.counter.key, 1))).then(() => undefined),
    }
  }
  return { refusedBy: null, refusedKey: null, passed, refund: async () => undefined }
}

/**
 * What Medusa's emailpass provider does for a wrong password, without its
 * answer: the identity named by the email (exactly as sent, as Medusa looks it
 * up), then scrypt on its stored hash (with the hash's own cost parameters).
 * Nothing is created, signed or logged; the result is thrown away.
 */
async function checkPasswordAsMedusaDoes(container: MedusaContainer, email: string, password: string): Promise<void> {
  const [identity] = await container
    .resolve(Modules.AUTH)
    .listProviderIdentities({ provider: "emailpass", entity_id: email }, { select: ["id", "provider_metadata"], take: 1 })
  const hash = (identity?.provider_metadata as { password?: unknown } | null | undefined)?.password
  if (typeof hash === "string") {
    await Scrypt.verify(Buffer.from(hash, "base64"), password).catch(() => false)
  }
}

/** At most one "locked" log entry per refusing counter per minute (per instance); the attempts in between are counted in the next one. */
export const REFUSED_LOG_INTERVAL_MS = 60_000
const REFUSED_LOG_MAX_KEYS = 10_000
const refusedLogged = new Map<string, { at: number; suppressed: number }>()

/** Whether this refused attempt is logged now; when it is, how many were left out since the last entry of its counter. */
export function refusedLogSlot(key: string, now = Date.now()): { log: boolean; suppressed: number } {
  const seen = refusedLogged.get(key)
  if (seen && now - seen.at < REFUSED_LOG_INTERVAL_MS) {
    seen.suppressed += 1
    return { log: false, suppressed: 0 }
  }
  refusedLogged.delete(key)
  if (refusedLogged.size >= REFUSED_LOG_MAX_KEYS) {
    // The oldest entry goes (the map keeps insertion order): memory stays bounded.
    refusedLogged.delete(refusedLogged.keys().next().value as string)
  }
  refusedLogged.set(key, { at: now, suppressed: 0 })
  return { log: true, suppressed: seen?.suppressed ?? 0 }
}

/** For tests: forget which refusals were logged. */
export function forgetRefusedLog(): void {
  refusedLogged.clear()
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
      attempt = await consumeAttempt(counters)
    } catch (error) {
      // Not the store being down (the limiters count in memory then, limits.ts), but something unforeseen: logged, not counted.
      logger.error(`customer-suite: sign-in throttle unavailable, attempt not counted: ${(error as Error).message}`)
      return next()
    }

    const userAgent = typeof req.headers["user-agent"] === "string" ? req.headers["user-agent"] : null
    const rawEmail = String(body.email)
    const actorType = String(req.params?.actor_type ?? "").slice(0, MAX_LOGGED_ACTOR_TYPE)

    /** The security log and the lock events, after the answer (never delaying it, never failing it). */
    const record = async (outcome: "success" | "failure" | "locked", locks: Array<{ scope: SignInLockScope; until: Date }>, suppressed = 0) => {
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
          details: {
            actor_type: actorType,
            ...(attempt.refusedBy ? { scope: attempt.refusedBy } : {}),
            ...(suppressed ? { refused_since_last_entry: suppressed } : {}),
          },
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
      await recordSignInWorkflow(container).run({
        input: {
          events,
          locks: locks.map(
            (lock): AccountLockedEventPayload => ({
              customer_id: lock.scope === "ip" ? null : customerId,
              scope: lock.scope,
              locked_until: lock.until.toISOString(),
            })
          ),
        },
      })
    }

    /** Counts what Medusa answered; a success resets the account and gives the client its point back. */
    const settle = async (status: number): Promise<void> => {
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

    if (attempt.refusedBy) {
      // Refused: Medusa's handler does not run; the cost and the answer of a wrong password.
      await checkPasswordAsMedusaDoes(container, rawEmail, String(body.password)).catch((e: Error) =>
        logger.warn(`customer-suite: sign-in throttle: password check of a refused attempt failed: ${e.message}`)
      )
      res.status(WRONG_PASSWORD.statusCode).json(WRONG_PASSWORD.body)
      void attempt.refund().catch((e: Error) => logger.warn(`customer-suite: sign-in throttle: refund failed: ${e.message}`))
      const slot = refusedLogSlot(attempt.refusedKey ?? attempt.refusedBy)
      if (slot.log) {
        void record("locked", [], slot.suppressed).catch((e: Error) => logger.warn(`customer-suite: sign-in log: ${e.message}`))
      }
      return
    }

    // Medusa's handler answers (or its error handler does) through res.json: hold that answer until counted.
    const send = res.json.bind(res)
    res.json = ((payload: unknown) => {
      res.json = send
      settle(res.statusCode)
        .catch((e: Error) => logger.error(`customer-suite: sign-in throttle: ${e.message}`))
        .finally(() => send(payload))
      return res
    }) as typeof res.json
    next()
  }
}
