import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_ACTIVITY_MODULE } from "../../../modules/customer_activity"
import type CustomerActivityModuleService from "../../../modules/customer_activity/service"
import type { SecurityEventInput } from "../../../modules/customer_activity/service"

export const recordSecurityEventsStepId = "customer-suite-record-security-events"
/** Appends entries to the security log; compensation removes them. */
export const recordSecurityEventsStep = createStep(
  recordSecurityEventsStepId,
  async (events: SecurityEventInput[], { container }) => {
    const ids = await container.resolve<CustomerActivityModuleService>(CUSTOMER_ACTIVITY_MODULE).recordSecurityEvents(events)
    return new StepResponse(ids, ids)
  },
  async (ids, { container }) => {
    if (ids?.length) {
      await container.resolve<CustomerActivityModuleService>(CUSTOMER_ACTIVITY_MODULE).deleteCustomerSecurityEvents(ids)
    }
  }
)
