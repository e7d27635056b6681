import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { cachedLimiter, isRefusal, limiterKey, limiterStore, type LimitSpec } from "../../../../modules/customer_activity/limits"
import { hashCode } from "../../../../modules/shopping_assistance/service"
import type { ErrorResponse, StoreExchangeAssistanceCodeResponse } from "../../../../types/http"
import { exchangeAssistanceCodeWorkflow } from "../../../../workflows/shopping-assistance"
import { activitySettings } from "../../../utils/activity-settings"
import { mintAssistanceToken } from "../../../utils/assistance-token"
import type { StoreExchangeAssistanceCodeType } from "../validators"

/**
 * Failed exchanges per IP: at most 10 in a 15-minute window, then 429 until
 * the window ends. Counted in the plugin's limiter store (PostgreSQL, or Redis
 * with `activity.limiter_store: "redis"`), shared by every instance
 * (decision 0045).
 */
export const EXCHANGE_LIMIT: LimitSpec = { name: "ax:ip", points: 10, windowSeconds: 15 * 60 }

/**
 * POST /store/assistance-sessions/exchange { code }: the one-time code from
 * the admin's link, for a customer token (Medusa's JWT) that lasts as long as
 * the session and carries `assistance_session_id` and `impersonated_by`. A
 * wrong, used or expired code: the same 401. After 10 failures from one IP in
 * 15 minutes, every attempt from it is a 429 until the window passes.
 */
export const POST = async (req: MedusaRequest<StoreExchangeAssistanceCodeType>, res: MedusaResponse<StoreExchangeAssistanceCodeResponse | ErrorResponse>) => {
  const limiter = cachedLimiter(limiterStore(req.scope, await activitySettings(req.scope)), EXCHANGE_LIMIT)
  const key = limiterKey(req.ip ?? "unknown")
  // Consumed before the code is tried (atomic in the store: parallel attempts never pass the limit together), given back on success.
  const refusal = await limiter.consume(key).then(
    () => null,
    (error: unknown) => {
      if (isRefusal(error)) {
        return error
      }
      throw error
    }
  )
  if (refusal) {
    res.setHeader("Retry-After", String(Math.max(1, Math.ceil(refusal.msBeforeNext / 1000))))
    res.status(429).json({ type: "too_many_requests", message: "Too many attempts: try again in 15 minutes" })
    return
  }
  const { result: session, errors } = await exchangeAssistanceCodeWorkflow(req.scope).run({
    input: { code_hash: hashCode(req.validatedBody.code) },
    throwOnError: false,
  })
  if (errors?.length || !session?.expires_at) {
    throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "This code is not valid: ask for a new one")
  }
  await limiter.reward(key, 1)
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
