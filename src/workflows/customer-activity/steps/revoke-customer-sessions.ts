import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_ACTIVITY_MODULE } from "../../../modules/customer_activity"
import type CustomerActivityModuleService from "../../../modules/customer_activity/service"
import type { SessionRevocationReason, SessionRevocationResult } from "../../../modules/customer_activity/service"

export const revokeCustomerSessionsStepId = "customer-suite-revoke-customer-sessions"
/** Sets the customer's revocation to now; compensation puts the row back as it was (or removes it). */
export const revokeCustomerSessionsStep = createStep(
  revokeCustomerSessionsStepId,
  async (input: { customer_id: string; reason: SessionRevocationReason }, { container }) => {
    const service = container.resolve<CustomerActivityModuleService>(CUSTOMER_ACTIVITY_MODULE)
    const result = await service.revokeSessions(input.customer_id, input.reason)
    return new StepResponse({ customer_id: result.customer_id, revoked_at: result.revoked_at }, result)
  },
  async (result: SessionRevocationResult | undefined, { container }) => {
    if (result) {
      await container.resolve<CustomerActivityModuleService>(CUSTOMER_ACTIVITY_MODULE).restoreSessionRevocation(result)
    }
  }
)
