import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CUSTOMER_SUITE_MODULE } from "../../modules/customer_suite"
import type CustomerSuiteModuleService from "../../modules/customer_suite/service"
import { SHOPPING_ASSISTANCE_MODULE } from "../../modules/shopping_assistance"
import type ShoppingAssistanceModuleService from "../../modules/shopping_assistance/service"
import { markAssistedOrderWorkflow, recordAssistanceActionsWorkflow } from "../../workflows/shopping-assistance"
import { assistanceClaims, type AssistanceClaims } from "./assistance-token"
import { isRevokedRequest } from "./session-revocations"

/**
 * The guard on every /store and /auth request (registered by the store's
 * middlewares). First "sign out everywhere": a customer token or cookie
 * session issued at or before the customer's last revocation is refused (401;
 * one cached lookup per customer, session-revocations.ts). A request without
 * a customer identity or an assistance token passes after one look at its
 * bearer's payload (no I/O). With one, it is refused (401) once its
 * session has ended, expired or been revoked — the session's state is reused
 * for at most STATE_TTL_MS, so a revocation reaches every instance within
 * that time —, refused (403) for a denied action, and every mutating request
 * is written to the session's log.
 */
export const STATE_TTL_MS = 2_000
const SETTINGS_TTL_MS = 5_000
const MAX_STATES = 10_000
/**
 * Always refused while assisting: consent is the customer's own decision, and
 * a refreshed token would be an ordinary one that outlives the session.
 */
const ALWAYS_DENIED = ["POST /store/customers/me/assistance-consent", "POST /auth/token/refresh"]
const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"])

export type { AssistanceClaims } from "./assistance-token"
type SessionState = { status: string; expires_at: number | null; customer_id: string; user_id: string }

const states = new Map<string, { state: SessionState | null; until: number }>()
let settingsMemo: { denied: string[]; until: number } | null = null

/** Read the settings again at the next request (they were changed on this instance). */
export function forgetAssistanceSettings() {
  settingsMemo = null
}

/** Forget a session's state here at once (its end was written by this instance). */
export function forgetAssistanceSession(id: string) {
  states.delete(id)
}

async function sessionState(container: MedusaContainer, id: string): Promise<SessionState | null> {
  const now = Date.now()
  const memo = states.get(id)
  if (memo && memo.until > now) {
    return memo.state
  }
  const [row] = await container
    .resolve<ShoppingAssistanceModuleService>(SHOPPING_ASSISTANCE_MODULE)
    .listAssistanceSessions({ id }, { select: ["id", "status", "expires_at", "customer_id", "user_id"] })
  const state = row
    ? { status: row.status, expires_at: row.expires_at ? new Date(row.expires_at).getTime() : null, customer_id: row.customer_id, user_id: row.user_id }
    : null
  states.set(id, { state, until: now + STATE_TTL_MS })
  while (states.size > MAX_STATES) {
    states.delete(states.keys().next().value as string)
  }
  return state
}

async function deniedActions(container: MedusaContainer): Promise<string[]> {
  const now = Date.now()
  if (settingsMemo && settingsMemo.until > now) {
    return settingsMemo.denied
  }
  const settings = (await container.resolve<CustomerSuiteModuleService>(CUSTOMER_SUITE_MODULE).getResolvedOptions()).assistance
  settingsMemo = { denied: [...ALWAYS_DENIED, ...settings.denied_actions], until: now + SETTINGS_TTL_MS }
  return settingsMemo.denied
}

/** "METHOD /path", METHOD or * ; a path ending in * matches everything that starts with the rest. */
export function matchesAction(pattern: string, method: string, path: string): boolean {
  const [patternMethod, patternPath] = pattern.split(" ")
  if (patternMethod !== "*" && patternMethod !== method) {
    return false
  }
  return patternPath.endsWith("*") ? path.startsWith(patternPath.slice(0, -1)) : path === patternPath || path === `${patternPath}/`
}

/** Ids a request names: its path parameters and the body's top-level *_id strings. */
function resourceIdsOf(req: MedusaRequest): Record<string, string> {
  const ids: Record<string, string> = {}
  for (const [key, value] of Object.entries(req.params ?? {})) {
    if (typeof value === "string") {
      ids[key] = value
    }
  }
  const body: unknown = req.body
  if (body && typeof body === "object") {
    for (const [key, value] of Object.entries(body)) {
      if ((key === "id" || key.endsWith("_id")) && typeof value === "string" && value.length <= 200) {
        ids[key] = value
      }
    }
  }
  return ids
}

export function assistanceGuard() {
  return async (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    try {
      if (await isRevokedRequest(req)) {
        res.status(401).json({ type: "unauthorized", message: "This session was signed out (sign out everywhere or a password change): sign in again" })
        return
      }
    } catch (error) {
      return next(error)
    }
    const claims = assistanceClaims(req)
    if (!claims) {
      return next()
    }
    try {
      const container = req.scope
      const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
      const state = await sessionState(container, claims.assistance_session_id)
      if (!state || state.status !== "active" || (state.expires_at !== null && state.expires_at <= Date.now()) || (claims.actor_id && claims.actor_id !== state.customer_id)) {
        res.status(401).json({ type: "unauthorized", message: "The assistance session has ended: log in again" })
        return
      }
      const method = req.method.toUpperCase()
      const path = req.originalUrl.split("?")[0]
      // The log never fails the request: a write that fails is reported.
      // Called once routed (or refused), so the route pattern is known.
      const log = (statusCode: number, outcome: "denied" | null) => {
        const route: unknown = req.route?.path
        return recordAssistanceActionsWorkflow(container)
          .run({
            input: {
              actions: [
                {
                  session_id: claims.assistance_session_id,
                  method,
                  route: typeof route === "string" ? route : path,
                  path,
                  status_code: statusCode,
                  resource_ids: resourceIdsOf(req),
                  outcome,
                },
              ],
            },
          })
          .then(
            () => undefined,
            (error: Error) => logger.warn(`customer-suite: assistance log: ${error.message}`)
          )
      }
      const denied = (await deniedActions(container)).find((pattern) => matchesAction(pattern, method, path))
      if (denied) {
        await log(403, "denied")
        res.status(403).json({
          type: "not_allowed",
          message: `Not allowed while assisting a customer (${denied}): the customer must do this themselves`,
        })
        return
      }
      ;(req as MedusaRequest & { assistance?: AssistanceClaims }).assistance = claims
      if (MUTATING.has(method)) {
        res.on("finish", () => {
          void log(res.statusCode, null)
          if (res.statusCode < 300 && /^\/store\/carts\/[^/]+\/complete\/?$/.test(path)) {
            void markAssistedOrder(container, path.split("/")[3], claims).catch((error: Error) =>
              logger.warn(`customer-suite: assisted order: ${error.message}`)
            )
          }
        })
      }
      next()
    } catch (error) {
      next(error)
    }
  }
}

/** The order placed from an assisted cart: metadata.assistance = { session_id, user_id }. */
async function markAssistedOrder(container: MedusaContainer, cartId: string, claims: AssistanceClaims) {
  await markAssistedOrderWorkflow(container).run({
    input: { cart_id: cartId, session_id: claims.assistance_session_id, user_id: claims.impersonated_by ?? null },
  })
}
