import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_ACTIVITY_MODULE } from "../../../modules/customer_activity"
import type CustomerActivityModuleService from "../../../modules/customer_activity/service"
import { foldEmail } from "../../../modules/customer_activity/sign-in-limits"

export type RecordSignInUnlockInput = {
  customer_id: string
  email: string | null
  /** The staff user who unlocked. */
  actor_id: string
  ip: string | null
  user_agent: string | null
  /** How many counters were deleted. */
  cleared: number
}

export const recordSignInUnlockStepId = "customer-suite-record-sign-in-unlock"

/** Writes the unlock to the customer's security log. Compensation deletes the entry. */
export const recordSignInUnlockStep = createStep(
  recordSignInUnlockStepId,
  async (input: RecordSignInUnlockInput, { container }) => {
    const service = container.resolve<CustomerActivityModuleService>(CUSTOMER_ACTIVITY_MODULE)
    const [created] = await service.createCustomerSecurityEvents([
      {
        kind: "unlock",
        outcome: "unlocked",
        customer_id: input.customer_id,
        email: foldEmail(input.email),
        ip: input.ip,
        user_agent: input.user_agent,
        actor_type: "user",
        actor_id: input.actor_id,
        details: { cleared: input.cleared },
        occurred_at: new Date(),
      },
    ])
    return new StepResponse(created.id, created.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    await container.resolve<CustomerActivityModuleService>(CUSTOMER_ACTIVITY_MODULE).deleteCustomerSecurityEvents([id])
  }
)
