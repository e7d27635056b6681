import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError, Modules, generateJwtToken } from "@medusajs/framework/utils"
import { hashCode } from "../../../../modules/shopping_assistance/service"
import { exchangeAssistanceCodeWorkflow } from "../../../../workflows/shopping-assistance"
import type { StoreExchangeAssistanceCodeType } from "../validators"

/** Failed exchanges per IP: at most MAX_FAILURES in WINDOW_MS, then 429 until the window passes. */
const MAX_FAILURES = 10
const WINDOW_MS = 15 * 60_000
const failures = new Map<string, number[]>()

function tooMany(ip: string, now: number) {
  const recent = (failures.get(ip) ?? []).filter((t) => t > now - WINDOW_MS)
  failures.set(ip, recent)
  return recent.length >= MAX_FAILURES
}
function fail(ip: string, now: number) {
  failures.set(ip, [...(failures.get(ip) ?? []), now])
  if (failures.size > 10_000) {
    failures.delete(failures.keys().next().value as string)
  }
}

/**
 * POST /store/assistance-sessions/exchange { code }: the one-time code from
 * the admin's link, for a customer token (Medusa's JWT) that lasts as long as
 * the session and carries `assistance_session_id` and `impersonated_by`. A
 * wrong, used or expired code: the same 401. After 10 failures from one IP in
 * 15 minutes, every attempt from it is a 429 until the window passes.
 */
export const POST = async (req: MedusaRequest<StoreExchangeAssistanceCodeType>, res: MedusaResponse) => {
  const ip = req.ip ?? "unknown"
  const now = Date.now()
  if (tooMany(ip, now)) {
    res.status(429).json({ type: "too_many_requests", message: "Too many attempts: try again in 15 minutes" })
    return
  }
  const { result: session, errors } = await exchangeAssistanceCodeWorkflow(req.scope).run({
    input: { code_hash: hashCode(req.validatedBody.code) },
    throwOnError: false,
  })
  if (errors?.length || !session) {
    fail(ip, now)
    throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "This code is not valid: ask for a new one")
  }
  const [customer] = await req.scope.resolve(Modules.CUSTOMER).listCustomers({ id: session.customer_id }, { select: ["id", "email"] })
  const auth = req.scope.resolve(Modules.AUTH)
  const [identity] = await auth.listAuthIdentities({ app_metadata: { customer_id: session.customer_id } } as any, { select: ["id"] })
  const { jwtSecret } = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig.http as { jwtSecret: string }
  const expiresAt = new Date(session.expires_at as unknown as string)
  const seconds = Math.max(1, Math.floor((expiresAt.getTime() - Date.now()) / 1000))
  const token = generateJwtToken(
    {
      actor_id: session.customer_id,
      actor_type: "customer",
      auth_identity_id: identity?.id ?? "",
      app_metadata: { customer_id: session.customer_id },
      user_metadata: {},
      mfa_enabled: false,
      assistance_session_id: session.id,
      impersonated_by: session.user_id,
    },
    { secret: jwtSecret, expiresIn: seconds }
  )
  res.json({ token, expires_at: expiresAt.toISOString(), assistance_session: { id: session.id, customer_id: session.customer_id, email: customer?.email ?? null } })
}
