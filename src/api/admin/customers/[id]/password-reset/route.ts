import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { clientIp } from "../../../../../modules/customer_activity/client-ip"
import type { AdminPasswordResetResponse } from "../../../../../types/http"
import {
  findCustomerResetAccount,
  recordSecurityEventsWorkflow,
  sendCustomerPasswordResetWorkflow,
  type SendCustomerPasswordResetResult,
} from "../../../../../workflows/customer-activity"
import { activitySettings } from "../../../../utils/activity-settings"
import { consumeResetAllowance, refundResetAllowance, sendResetThrottled, type ResetThrottledBody } from "../../../../utils/reset-throttle"
import type { AdminSendPasswordResetType } from "../security-events/validators"

/**
 * POST /admin/customers/:id/password-reset: "Send password reset". Medusa's
 * own reset-token workflow runs for the customer's emailpass account, so the
 * store's notification provider sends its usual email; staff never see the
 * token. Counted on the customer's email limits, like a request from the
 * storefront (never on the staff member's IP: decision 0033); over a limit,
 * 429 with Retry-After. 404: no such customer; 400: no account to reset.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminSendPasswordResetType>, res: MedusaResponse<AdminPasswordResetResponse | ResetThrottledBody>) => {
  const container = req.scope
  const account = await findCustomerResetAccount(container, req.params.id)
  const settings = await activitySettings(container)
  const ip = clientIp(req, settings.trusted_proxies) || null
  const userAgent = req.get("user-agent") ?? null
  const allowance = await consumeResetAllowance(container, { email: account.email, ip: null })
  if (!allowance.allowed) {
    await recordSecurityEventsWorkflow(container).run({
      input: {
        events: [
          {
            kind: "staff_password_reset",
            outcome: "throttled",
            customer_id: account.customer_id,
            email: account.email,
            ip,
            user_agent: userAgent,
            actor_type: "user",
            actor_id: req.auth_context.actor_id,
          },
        ],
      },
    })
    return sendResetThrottled(res, allowance.retry_after_seconds)
  }
  let sent: SendCustomerPasswordResetResult
  try {
    ;({ result: sent } = await sendCustomerPasswordResetWorkflow(container).run({
      input: { customer_id: account.customer_id, user_id: req.auth_context.actor_id, ip, user_agent: userAgent },
    }))
  } catch (error) {
    // Nothing was sent (the workflow undid its log entry): the allowance it took goes back.
    await refundResetAllowance(container, { email: account.email, ip: null }).catch((e: Error) =>
      container.resolve(ContainerRegistrationKeys.LOGGER).warn(`customer-suite: staff password reset: allowance not given back: ${e.message}`)
    )
    throw error
  }
  res.status(202).json({ password_reset: sent })
}
