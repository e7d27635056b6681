import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { passwordRefusalMessage, unmetPasswordRules } from "../../../modules/customer_activity/password-policy"
import { activitySettings } from "../../utils/activity-settings"
import { revokeSessionsFor } from "../../utils/session-revocations"
import { PasswordBody } from "./validators"

/**
 * The password policy (decision 0029) where a customer's password is set —
 * registering (`POST /auth/:actor_type/emailpass/register`) and the reset
 * (`POST /auth/:actor_type/emailpass/update`, with the reset token as bearer;
 * Medusa has no store route that changes a password) — and "sign out
 * everywhere" after a successful reset (decision 0030). Every actor type:
 * the email/password identity is one per email, shared by the actor types,
 * so `/auth/user/emailpass/update` with a reset token for a customer's email
 * sets the customer's password.
 *
 * Medusa's route sorter puts a static segment before a parameter at the same
 * depth, so `/auth/:actor_type/emailpass/update` runs before Medusa's own
 * middlewares for `/auth/:actor_type/:auth_provider/update` (the one that
 * spends the reset token): a refused password leaves the single-use token
 * unused. Percent-encoded paths, which would skip these matchers, are refused
 * earlier (encoded-auth-path.ts).
 */
type Refusal = { type: "invalid_data"; message: string; rules: { rule: string; message: string }[] }

/** The email a reset token is for (unverified: only to refuse a password equal to it; Medusa verifies the token next). */
function resetTokenEmail(req: MedusaRequest): string | null {
  const header = req.headers.authorization
  const part = typeof header === "string" && /^bearer\s/i.test(header) ? header.slice(7).trim().split(".")[1] : undefined
  if (!part || part.length > 16_384) {
    return null
  }
  try {
    const payload: unknown = JSON.parse(Buffer.from(part, "base64url").toString("utf8"))
    const entity = payload && typeof payload === "object" ? (payload as { entity_id?: unknown }).entity_id : null
    return typeof entity === "string" ? entity : null
  } catch {
    return null
  }
}

/** 400 naming each unmet rule; the password itself never reaches a log or the answer. */
function enforcePasswordPolicy(emailOf: (req: MedusaRequest) => string | null) {
  return async (req: MedusaRequest, res: MedusaResponse<Refusal>, next: MedusaNextFunction) => {
    try {
      const settings = await activitySettings(req.scope)
      if (!settings.enabled) {
        return next()
      }
      const parsed = PasswordBody.safeParse(req.body ?? {})
      const body = parsed.success ? parsed.data : { password: undefined, email: undefined }
      const unmet = await unmetPasswordRules(body.password, settings.password_policy, { email: emailOf(req) ?? body.email ?? null })
      if (!unmet.length) {
        return next()
      }
      res.status(400).json({ type: "invalid_data", message: passwordRefusalMessage(unmet), rules: unmet })
    } catch (error) {
      next(error)
    }
  }
}

/**
 * After Medusa answers a reset with success, the customer's sessions are
 * ended (reason password_reset) and the security log records the change,
 * before the answer leaves: a token from before the reset is refused once the
 * client hears "success".
 */
function revokeAfterReset() {
  return (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    const send = res.json.bind(res)
    let done = false
    res.json = ((body: unknown) => {
      const succeeded = !done && res.statusCode === 200 && !!body && typeof body === "object" && (body as { success?: unknown }).success === true
      done = true
      if (!succeeded) {
        return send(body)
      }
      void revokeForResetRequest(req).then(
        () => send(body),
        (error: Error) => {
          // The password is changed already: say so, and report that the old sessions still stand.
          req.scope.resolve(ContainerRegistrationKeys.LOGGER).error(`customer-suite: sessions not revoked after a password reset: ${error.message}`)
          send(body)
        }
      )
      return res
    }) as typeof res.json
    next()
  }
}

async function revokeForResetRequest(req: MedusaRequest): Promise<void> {
  if (!(await activitySettings(req.scope)).enabled) {
    return
  }
  // Set by Medusa's reset-token check: the auth identity whose password changed.
  const identityId = (req as MedusaRequest & { auth_context?: { auth_identity_id?: string } }).auth_context?.auth_identity_id
  if (!identityId) {
    return
  }
  const [identity] = await req.scope.resolve(Modules.AUTH).listAuthIdentities({ id: [identityId] }, { select: ["id", "app_metadata"] })
  const customerId = identity?.app_metadata?.customer_id
  if (typeof customerId !== "string" || !customerId) {
    return // registered but no customer yet: no sessions to end
  }
  await revokeSessionsFor(req, { customer_id: customerId, reason: "password_reset", actor_type: "customer", actor_id: customerId })
}

export const authCustomerPasswordMiddlewares: MiddlewareRoute[] = [
  { method: ["POST"], matcher: "/auth/:actor_type/emailpass/register", middlewares: [enforcePasswordPolicy(() => null)] },
  { method: ["POST"], matcher: "/auth/:actor_type/emailpass/update", middlewares: [enforcePasswordPolicy(resetTokenEmail), revokeAfterReset()] },
]
