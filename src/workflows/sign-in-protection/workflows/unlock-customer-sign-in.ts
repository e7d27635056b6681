import { WorkflowResponse, createWorkflow, transform } from "@medusajs/framework/workflows-sdk"
import { clearSignInLocksStep } from "../steps/clear-sign-in-locks"
import { recordSignInUnlockStep } from "../steps/record-sign-in-unlock"

export type UnlockCustomerSignInInput = {
  customer_id: string
  email: string | null
  actor_id: string
  ip: string | null
  user_agent: string | null
}

export const unlockCustomerSignInWorkflowId = "customer-suite-unlock-customer-sign-in"
/** Staff unlock: the account's sign-in counters are deleted (everywhere, every client) and the unlock is logged. */
export const unlockCustomerSignInWorkflow = createWorkflow(unlockCustomerSignInWorkflowId, (input: UnlockCustomerSignInInput) => {
  const cleared = clearSignInLocksStep({ email: input.email })
  const entry = transform({ input, cleared }, ({ input, cleared }) => ({ ...input, cleared: cleared.cleared }))
  recordSignInUnlockStep(entry)
  return new WorkflowResponse(cleared)
})
