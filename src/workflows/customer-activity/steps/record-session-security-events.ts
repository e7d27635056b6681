import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_ACTIVITY_MODULE } from "../../../modules/customer_activity"
import type CustomerActivityModuleService from "../../../modules/customer_activity/service"
import type { SecurityEventInput } from "../../../modules/customer_activity/service"

export const recordSessionSecurityEventsStepId = "customer-suite-record-session-security-events"
/**
 * Appends revocation and password entries to the security log. Compensation
 * removes them: the log never says a revocation happened that was rolled back.
 */
export const recordSessionSecurityEventsStep = createStep(
  recordSessionSecurityEventsStepId,
  async (events: SecurityEventInput[], { container }) => {
    const ids = await container.resolve<CustomerActivityModuleService>(CUSTOMER_ACTIVITY_MODULE).recordSecurityEvents(events)
    return new StepResponse(ids.length, ids)
  },
  async (ids: string[] | undefined, { container }) => {
    if (ids?.length) {
      await container.resolve<CustomerActivityModuleService>(CUSTOMER_ACTIVITY_MODULE).deleteCustomerSecurityEvents(ids)
    }
  }
)
