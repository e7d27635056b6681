import { MedusaError, Modules } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"

export const findRevocationCustomerStepId = "customer-suite-find-revocation-customer"
/** The customer whose sessions end (404 when there is none); answers their email for the security log. */
export const findRevocationCustomerStep = createStep(findRevocationCustomerStepId, async (input: { customer_id: string }, { container }) => {
  const [customer] = await container.resolve(Modules.CUSTOMER).listCustomers({ id: input.customer_id }, { select: ["id", "email"] })
  if (!customer) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer with id "${input.customer_id}" was not found`)
  }
  return new StepResponse({ id: customer.id, email: customer.email ?? null })
})
