import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"

export type CustomerResetAccount = { customer_id: string; email: string }

export const RESET_PROVIDER = "emailpass"

/**
 * The customer and the email their emailpass account signs in with: NOT_FOUND
 * for an unknown customer, INVALID_DATA when there is no such account (a
 * guest, or a customer whose email has no emailpass identity of theirs).
 */
export async function findCustomerResetAccount(
  container: Pick<MedusaContainer, "resolve">,
  customerId: string
): Promise<CustomerResetAccount> {
  const [customer] = await container
    .resolve(Modules.CUSTOMER)
    .listCustomers({ id: customerId }, { select: ["id", "email", "has_account"] })
  if (!customer) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer with id "${customerId}" was not found`)
  }
  const noAccount = new MedusaError(
    MedusaError.Types.INVALID_DATA,
    "This customer has no account with an email and password (a guest, or signed up another way): there is no password to reset"
  )
  if (!customer.has_account || !customer.email) {
    throw noAccount
  }
  const identities = await container
    .resolve(Modules.AUTH)
    .listProviderIdentities({ provider: RESET_PROVIDER, entity_id: customer.email }, { select: ["entity_id", "auth_identity.app_metadata"], relations: ["auth_identity"] })
  const own = identities.find((identity) => identity.auth_identity?.app_metadata?.customer_id === customer.id)
  if (!own) {
    throw noAccount
  }
  return { customer_id: customer.id, email: own.entity_id }
}

export const findCustomerResetAccountStepId = "customer-suite-find-customer-reset-account"
/** The customer's emailpass account (see findCustomerResetAccount); nothing to undo. */
export const findCustomerResetAccountStep = createStep(findCustomerResetAccountStepId, async (input: { customer_id: string }, { container }) => {
  return new StepResponse(await findCustomerResetAccount(container, input.customer_id))
})
