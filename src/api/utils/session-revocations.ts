import { getAuthContextFromJwtToken, type MedusaRequest } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CUSTOMER_ACTIVITY_MODULE } from "../../modules/customer_activity"
import { clientIp } from "../../modules/customer_activity/client-ip"
import type CustomerActivityModuleService from "../../modules/customer_activity/service"
import type { SessionRevocation } from "../../types/http/customer-activity"
import { revokeCustomerSessionsWorkflow, type RevokeCustomerSessionsInput } from "../../workflows/customer-activity"
import { activitySettings } from "./activity-settings"

/**
 * "Sign out everywhere" on the request path (decision 0030). A customer's
 * revocation is read at most once per REVOCATION_TTL_MS per instance (one
 * bounded memo, shared by concurrent requests), so a revocation made on
 * another instance is enforced here within that time, and at once on the
 * instance that made it (`forgetSessionRevocation`).
 */
export const REVOCATION_TTL_MS = 4_000
const MAX_REMEMBERED = 20_000

/** The revocation's second (Unix seconds), or null when the customer never revoked. */
type Remembered = { second: Promise<number | null>; until: number }
const remembered = new Map<string, Remembered>()

/** Read the customer's revocation again at the next request (it was just written here). */
export function forgetSessionRevocation(customerId: string) {
  remembered.delete(customerId)
}

/** The second (as a JWT's iat) at or before which the customer's tokens are refused; null: none. */
export function revokedSecond(container: Pick<MedusaContainer, "resolve">, customerId: string): Promise<number | null> {
  const now = Date.now()
  const memo = remembered.get(customerId)
  if (memo && memo.until > now) {
    return memo.second
  }
  const second = container
    .resolve<CustomerActivityModuleService>(CUSTOMER_ACTIVITY_MODULE)
    .sessionsRevokedAt(customerId)
    .then((at) => (at ? Math.floor(at.getTime() / 1000) : null))
  const entry = { second, until: now + REVOCATION_TTL_MS }
  remembered.delete(customerId) // re-inserted last: the oldest entries go first
  remembered.set(customerId, entry)
  while (remembered.size > MAX_REMEMBERED) {
    remembered.delete(remembered.keys().next().value as string)
  }
  // A failed read is not remembered.
  second.catch(() => {
    if (remembered.get(customerId) === entry) {
      remembered.delete(customerId)
    }
  })
  return second
}

/** A customer identity a request carries: whose, and when its token was issued (Unix seconds). */
export type CustomerIdentity = { customer_id: string; iat: number | null; via: "bearer" | "session" }

type Claims = { actor_type?: unknown; actor_id?: unknown; iat?: unknown }

const isCustomer = (claims: unknown): claims is Claims & { actor_id: string } =>
  !!claims && typeof claims === "object" && (claims as Claims).actor_type === "customer" && typeof (claims as Claims).actor_id === "string" && !!(claims as Claims).actor_id

const issuedAt = (claims: Claims) => (typeof claims.iat === "number" && Number.isFinite(claims.iat) ? claims.iat : null)

/** A JWT's payload without verifying it (a cheap look: null when it is not a JWT). */
function peek(token: string): Claims | null {
  const part = token.split(".")[1]
  if (!part || part.length > 16_384) {
    return null
  }
  try {
    const payload: unknown = JSON.parse(Buffer.from(part, "base64url").toString("utf8"))
    return payload && typeof payload === "object" ? (payload as Claims) : null
  } catch {
    return null
  }
}

/**
 * The customer identities of a request: its bearer token (verified as Medusa
 * verifies it, only when its payload names a customer) and its cookie
 * session (Medusa keeps the whole token payload, iat included, in
 * `req.session.auth_context` when `POST /auth/session` creates it).
 * No I/O.
 */
export function customerIdentities(req: MedusaRequest): CustomerIdentity[] {
  const found: CustomerIdentity[] = []
  const fromSession: unknown = req.session?.auth_context
  if (isCustomer(fromSession)) {
    found.push({ customer_id: fromSession.actor_id, iat: issuedAt(fromSession), via: "session" })
  }
  const header = req.headers.authorization
  if (typeof header === "string" && /^bearer\s/i.test(header)) {
    const peeked = peek(header.slice(7).trim())
    if (isCustomer(peeked)) {
      const { http } = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
      const verified: unknown = getAuthContextFromJwtToken(header, http.jwtSecret as string, ["bearer"], ["customer"], http.jwtPublicKey, http.jwtVerifyOptions ?? http.jwtOptions)
      if (isCustomer(verified)) {
        found.push({ customer_id: verified.actor_id, iat: issuedAt(verified as Claims), via: "bearer" })
      }
    }
  }
  return found
}

/**
 * Requests that present credentials rather than use the caller's identity:
 * signing in, registering, the provider callback, asking for or using a reset
 * token, listing providers, and signing out (DELETE /auth/session). A stale
 * token a storefront still sends along must not stop its owner signing in.
 */
const CREDENTIAL_ROUTES = /^\/auth\/customer\/[^/]+(\/(register|callback|reset-password|update))?\/?$/
export function exemptFromRevocation(method: string, path: string): boolean {
  if (!path.startsWith("/auth/")) {
    return false
  }
  return CREDENTIAL_ROUTES.test(path) || (method === "DELETE" && /^\/auth\/session\/?$/.test(path))
}

/**
 * Whether the request carries a customer token or cookie session issued at or
 * before its customer's last "sign out everywhere". A request without a
 * customer identity answers false with no I/O.
 */
export async function isRevokedRequest(req: MedusaRequest): Promise<boolean> {
  const identities = customerIdentities(req)
  if (!identities.length) {
    return false
  }
  const path = req.originalUrl.split("?")[0]
  if (exemptFromRevocation(req.method.toUpperCase(), path)) {
    return false
  }
  if (!(await activitySettings(req.scope)).enabled) {
    return false
  }
  for (const identity of identities) {
    const second = await revokedSecond(req.scope, identity.customer_id)
    // A token without iat cannot show it is newer than the revocation.
    if (second !== null && (identity.iat === null || identity.iat <= second)) {
      return true
    }
  }
  return false
}

/**
 * Runs "sign out everywhere" for a request (the security log gets its client
 * address and user agent) and forgets the customer's memo here at once.
 * Answers once the next second has begun (the workflow waits).
 */
export async function revokeSessionsFor(
  req: MedusaRequest,
  input: Pick<RevokeCustomerSessionsInput, "customer_id" | "reason" | "actor_type" | "actor_id">
): Promise<SessionRevocation> {
  const settings = await activitySettings(req.scope)
  const userAgent = req.headers["user-agent"]
  const { result } = await revokeCustomerSessionsWorkflow(req.scope).run({
    input: { ...input, ip: clientIp(req, settings.trusted_proxies) || null, user_agent: typeof userAgent === "string" ? userAgent : null },
  })
  forgetSessionRevocation(result.customer_id)
  return { customer_id: result.customer_id, revoked_at: new Date(result.revoked_at).toISOString() }
}
