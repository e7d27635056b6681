import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { foldEmail, limiterStore, readSignInLock } from "../../../../../modules/customer_activity/sign-in-limits"
import type { AdminSignInLock } from "../../../../../types/http"
import { findCustomerSignInEmail } from "../../../../../workflows/customer-activity/steps/find-customer-reset-account"
import { activitySettings } from "../../../../utils/activity-settings"

/**
 * The customer (404 when unknown) with the email sign-ins name: their emailpass
 * identity's (which a change of the customer's email leaves as it was), else
 * the customer's own (a guest, or an account signed up another way).
 */
export async function customerForSignIn(container: MedusaContainer, id: string): Promise<{ id: string; email: string | null }> {
  const customer = await container.resolve(Modules.CUSTOMER).retrieveCustomer(id, { select: ["id", "email"] })
  const signInEmail = await findCustomerSignInEmail(container, customer.id)
  return { id: customer.id, email: signInEmail ?? customer.email ?? null }
}

/** Whether sign-ins to the customer's account are refused now, and how close it is to a lock. */
export async function signInLockOf(container: MedusaContainer, customer: { id: string; email: string | null }): Promise<AdminSignInLock> {
  const settings = await activitySettings(container)
  const email = foldEmail(customer.email)
  const state = email
    ? await readSignInLock(limiterStore(container, settings), settings.sign_in, email)
    : { locked: false, locked_until: null, failures: 0, max_failures: settings.sign_in.lockout_mode === "account" ? settings.sign_in.max_failures : settings.sign_in.max_failures_per_account, locked_pairs: 0 }
  return {
    customer_id: customer.id,
    email: customer.email,
    lockout_mode: settings.sign_in.lockout_mode,
    locked: state.locked,
    locked_until: state.locked_until?.toISOString() ?? null,
    failures: state.failures,
    max_failures: state.max_failures,
    locked_pairs: state.locked_pairs,
  }
}
