import type { MedusaRequest } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, generateJwtToken } from "@medusajs/framework/utils"
import jwt from "jsonwebtoken"

/**
 * Login-as-customer tokens: minted when the storefront exchanges a one-time
 * code, verified on every /store and /auth request by the guard. Both here,
 * so the claims and the keys are read and written in one place.
 */

/** What an assistance token carries beside Medusa's customer claims. */
export type AssistanceClaims = {
  assistance_session_id: string
  /** The admin user who assists. */
  impersonated_by?: string
  /** The customer (Medusa's own claim). */
  actor_id?: string
}

/** The session an assistance token is minted for. */
export type AssistanceTokenSession = { id: string; customer_id: string; user_id: string; expires_at: Date | string }

const httpConfig = (container: Pick<MedusaContainer, "resolve">) => container.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig.http

/**
 * A customer token (Medusa's JWT, the claims of a customer login) that lasts
 * as long as the session and names it: `assistance_session_id` and
 * `impersonated_by`. Answers the token and when it expires.
 */
export function mintAssistanceToken(
  container: Pick<MedusaContainer, "resolve">,
  session: AssistanceTokenSession,
  authIdentityId: string | null
): { token: string; expires_at: Date } {
  const expiresAt = new Date(session.expires_at)
  const seconds = Math.max(1, Math.floor((expiresAt.getTime() - Date.now()) / 1000))
  const token = generateJwtToken(
    {
      actor_id: session.customer_id,
      actor_type: "customer",
      auth_identity_id: authIdentityId ?? "",
      app_metadata: { customer_id: session.customer_id },
      user_metadata: {},
      mfa_enabled: false,
      assistance_session_id: session.id,
      impersonated_by: session.user_id,
    } satisfies Record<string, unknown> & AssistanceClaims,
    { secret: httpConfig(container).jwtSecret, expiresIn: seconds }
  )
  return { token, expires_at: expiresAt }
}

/** A JWT's payload, unverified (a cheap look before verifying; null when it is not a JWT). */
function peek(token: string): Partial<AssistanceClaims> | null {
  const part = token.split(".")[1]
  if (!part) {
    return null
  }
  try {
    const payload: unknown = JSON.parse(Buffer.from(part, "base64url").toString("utf8"))
    return payload && typeof payload === "object" ? (payload as Partial<AssistanceClaims>) : null
  } catch {
    return null
  }
}

const isClaims = (value: unknown): value is AssistanceClaims =>
  !!value && typeof value === "object" && typeof (value as Partial<AssistanceClaims>).assistance_session_id === "string"

/**
 * The claims of an assistance token, checked against the store's key; null
 * for any other token, or one this store did not sign. Expiry is left to the
 * session (an ended session is refused whatever the token says).
 */
export function verifyAssistanceToken(container: Pick<MedusaContainer, "resolve">, token: string): AssistanceClaims | null {
  if (!peek(token)?.assistance_session_id) {
    return null
  }
  const { jwtSecret, jwtPublicKey } = httpConfig(container)
  const key = jwtPublicKey ?? jwtSecret
  if (!key) {
    return null
  }
  try {
    const payload = jwt.verify(token, key, { ignoreExpiration: true })
    return isClaims(payload) ? payload : null
  } catch {
    return null // not a token of this store: Medusa's own authentication decides
  }
}

/** The assistance claims of the request's bearer token or cookie session; null for any other request. */
export function assistanceClaims(req: MedusaRequest): AssistanceClaims | null {
  const header = req.headers.authorization
  const token = typeof header === "string" && header.toLowerCase().startsWith("bearer ") ? header.slice(7).trim() : null
  if (token) {
    return verifyAssistanceToken(req.scope, token)
  }
  const fromSession: unknown = req.session?.auth_context
  return isClaims(fromSession) ? fromSession : null
}
