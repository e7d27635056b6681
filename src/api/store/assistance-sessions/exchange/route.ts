import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { hashCode } from "../../../../modules/shopping_assistance/service"
import type { ErrorResponse, StoreExchangeAssistanceCodeResponse } from "../../../../types/http"
import { exchangeAssistanceCodeWorkflow } from "../../../../workflows/shopping-assistance"
import { mintAssistanceToken } from "../../../utils/assistance-token"
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
export const POST = async (req: MedusaRequest<StoreExchangeAssistanceCodeType>, res: MedusaResponse<StoreExchangeAssistanceCodeResponse | ErrorResponse>) => {
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
  if (errors?.length || !session?.expires_at) {
    fail(ip, now)
    throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "This code is not valid: ask for a new one")
  }
  const [customer] = await req.scope.resolve(Modules.CUSTOMER).listCustomers({ id: session.customer_id }, { select: ["id", "email"] })
  const [identity] = await req.scope
    .resolve(Modules.AUTH)
    .listAuthIdentities({ app_metadata: { customer_id: session.customer_id } }, { select: ["id"] })
  const { token, expires_at } = mintAssistanceToken(req.scope, { ...session, expires_at: session.expires_at }, identity?.id ?? null)
  res.json({
    token,
    expires_at: expires_at.toISOString(),
    assistance_session: { id: session.id, customer_id: session.customer_id, email: customer?.email ?? null },
  })
}
