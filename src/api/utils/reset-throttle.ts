import type { MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ipLimitKey } from "../../modules/customer_activity/client-ip"
import { cachedLimiter, isRefusal, limiterKey, limiterStore, type Limiter, type LimiterStore } from "../../modules/customer_activity/limits"
import { activitySettings, type ActivitySettings } from "./activity-settings"

/**
 * Password reset requests (issue 15 §2, decision 0033): per key, at most
 * `max_requests_per_hour` in an hour AND at least `min_seconds_between`
 * seconds between two, for the keys `protection` names — the client IP (an
 * IPv6 client per /64), the email, both, or none. Every request is counted,
 * whether the email has an account or not, so the answer never tells which.
 * Staff-sent resets count on the same email key (and never on an IP: see the
 * decision).
 */
export type ResetAllowance = { allowed: true } | { allowed: false; retry_after_seconds: number }

type ResetSettings = ActivitySettings["password_reset"]

/** Folded as the security log folds it: "Ann@Example.com " and "ann@example.com" share a counter. */
export const foldEmail = (email: string) => email.trim().toLowerCase()

type KeyKind = "ip" | "email"

/** The hourly and spacing limiters of one key kind, made once per store and settings. */
function limitersFor(store: LimiterStore, kind: KeyKind, settings: ResetSettings): Limiter[] {
  const wanted = [{ name: `pr:${kind}:h`, points: settings.max_requests_per_hour, windowSeconds: 3_600 }]
  if (settings.min_seconds_between > 0) {
    // One request per window of min_seconds_between: the next one only once it has passed.
    wanted.push({ name: `pr:${kind}:gap`, points: 1, windowSeconds: settings.min_seconds_between })
  }
  return wanted.map((spec) => cachedLimiter(store, spec))
}

/** Which keys `protection` counts; staff-sent resets (no IP) never count an IP. */
export function resetKeyKinds(protection: ResetSettings["protection"], hasIp: boolean): KeyKind[] {
  const kinds: KeyKind[] = []
  if (hasIp && (protection === "ip_and_email" || protection === "ip")) {
    kinds.push("ip")
  }
  if (protection === "ip_and_email" || protection === "email") {
    kinds.push("email")
  }
  return kinds
}

/** The limiters and keys one request counts on. */
function countersOf(container: Pick<MedusaContainer, "resolve">, settings: ActivitySettings, kinds: KeyKind[], request: { email: string; ip: string | null }) {
  const store = limiterStore(container, settings)
  const keyOf = (kind: KeyKind) => limiterKey(kind === "ip" ? ipLimitKey(request.ip ?? "") : foldEmail(request.email))
  return kinds.flatMap((kind) => limitersFor(store, kind, settings.password_reset).map((limiter) => ({ limiter, key: keyOf(kind) })))
}

/**
 * Gives back what `consumeResetAllowance` took for a request that was allowed
 * but then not sent (its workflow failed): the next request is not held back
 * by one that never happened.
 */
export async function refundResetAllowance(container: Pick<MedusaContainer, "resolve">, request: { email: string; ip: string | null }): Promise<void> {
  const settings = await activitySettings(container)
  if (!settings.enabled) {
    return
  }
  const kinds = resetKeyKinds(settings.password_reset.protection, request.ip !== null)
  await Promise.all(countersOf(container, settings, kinds, request).map(({ limiter, key }) => limiter.reward(key, 1)))
}

/**
 * Counts one reset request against every limit in force and says whether it
 * may go on; when not, how long until it may (the longest of the refusals).
 * `ip` null: a request not made by the client (staff-sent), counted by email only.
 */
export async function consumeResetAllowance(
  container: Pick<MedusaContainer, "resolve">,
  request: { email: string; ip: string | null }
): Promise<ResetAllowance> {
  const settings = await activitySettings(container)
  if (!settings.enabled) {
    return { allowed: true }
  }
  const kinds = resetKeyKinds(settings.password_reset.protection, request.ip !== null)
  if (!kinds.length) {
    return { allowed: true }
  }
  try {
    // Every limiter counts the request, refused or not: a refusal never extends a window.
    const outcomes = await Promise.all(
      countersOf(container, settings, kinds, request).map(({ limiter, key }) =>
        limiter.consume(key).then(
          () => 0,
          (error: unknown) => {
            if (isRefusal(error)) {
              return Math.max(1, error.msBeforeNext)
            }
            throw error
          }
        )
      )
    )
    const waitMs = Math.max(0, ...outcomes)
    return waitMs > 0 ? { allowed: false, retry_after_seconds: Math.ceil(waitMs / 1000) } : { allowed: true }
  } catch (error) {
    // Not the store being down (the limiters count in memory then, limits.ts), but something unforeseen: logged, the reset goes on.
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .error(`customer-suite: password reset limits could not be checked, the request goes on unthrottled: ${(error as Error).message}`)
    return { allowed: true }
  }
}

/** The refusal's words, the same for every email (known, unknown, without an account). */
export function resetThrottledMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60))
  return `Too many password reset requests; try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}`
}

export type ResetThrottledBody = { type: "too_many_requests"; message: string }

/** 429 with Retry-After (whole seconds, rounded up). */
export function sendResetThrottled(res: MedusaResponse<ResetThrottledBody>, retryAfterSeconds: number) {
  res.setHeader("Retry-After", String(retryAfterSeconds))
  // A storefront on another origin may read it.
  res.append("Access-Control-Expose-Headers", "Retry-After")
  res.status(429).json({ type: "too_many_requests", message: resetThrottledMessage(retryAfterSeconds) })
}
