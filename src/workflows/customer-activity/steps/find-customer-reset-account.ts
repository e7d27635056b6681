import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"

export type CustomerResetAccount = { customer_id: string; email: string }

export const RESET_PROVIDER = "emailpass"

/**
 * The email the customer's own emailpass identity signs in with (its
 * entity_id), found as Medusa finds a customer's identity (app_metadata
 * customer_id), so it is right after the customer's email changed; null when
 * the customer has none.
 */
export async function findCustomerSignInEmail(container: Pick<MedusaContainer, "resolve">, customerId: string): Promise<string | null> {
  const identities = await container
    .resolve(Modules.AUTH)
    // app_metadata is a JSON column: filtered by key, as Medusa's remove-customer-account workflow does.
    .listAuthIdentities({ app_metadata: { customer_id: customerId } } as Record<string, unknown>, { select: ["id", "app_metadata"], relations: ["provider_identities"] })
  const emails = identities
    .filter((identity) => identity.app_metadata?.customer_id === customerId)
    .flatMap((identity) => identity.provider_identities ?? [])
    .filter((provider) => provider.provider === RESET_PROVIDER)
    .map((provider) => provider.entity_id)
    .sort()
  return emails[0] ?? null
}

/**
 * The customer and the email their emailpass account signs in with: NOT_FOUND
 * for an unknown customer, INVALID_DATA when there is no such account (a
 * guest, or a customer with no emailpass identity of theirs). The email is the
 * identity's, which stays what it was when the customer's email changes.
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
  if (!customer.has_account) {
    throw noAccount
  }
  const email = await findCustomerSignInEmail(container, customer.id)
  if (!email) {
    throw noAccount
  }
  return { customer_id: customer.id, email }
}

export const findCustomerResetAccountStepId = "customer-suite-find-customer-reset-account"
/** The customer's emailpass account (see findCustomerResetAccount); nothing to undo. */
export const findCustomerResetAccountStep = createStep(findCustomerResetAccountStepId, async (input: { customer_id: string }, { container }) => {
  return new StepResponse(await findCustomerResetAccount(container, input.customer_id))
})
