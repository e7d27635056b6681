/**
 * Account security and presence in chromium (issue 15): staff see a customer's
 * sign-in lock, unlock it and send a password reset from the customer page;
 * Now Online shows a customer who just signed in on the example storefront.
 * Registered by admin.e2e.spec.ts, which owns the store (and the storefront).
 */
import { storeApi } from "./assistance"
import type { Store } from "./harness"
import { eventually } from "./segments"
import { signIn, type Storefront } from "./storefront"
import { confirmPrompt } from "./tax-classes"

const SEED_PASSWORD = "supersecret"

/** A seeded customer with an email/password login, from the end of the list (the other tests take the first ones). */
async function lastCustomerWithAccount(store: Store, skip = 0) {
  const [customer] = await store.sql<{ id: string; email: string }>(
    `select c.id, c.email from customer c
       join provider_identity pi on pi.entity_id = c.email and pi.provider = 'emailpass' and pi.deleted_at is null
      where c.has_account and c.deleted_at is null
      order by c.email desc limit 1 offset $1`,
    [skip]
  )
  return customer
}

const signInStatus = async (store: Store, email: string, password: string) =>
  (await storeApi(store, "/auth/customer/emailpass", { method: "POST", body: { email, password } })).status

export function describeAccountSecurity(getStore: () => Store) {
  describe("account security on the customer page", () => {
    it("shows a locked sign-in, unlocks it, and the customer signs in again", async () => {
      const store = getStore()
      const { page, baseUrl } = store
      const customer = await lastCustomerWithAccount(store)
      // The default rule: 10 failures for one account from one address lock that pair.
      for (let i = 0; i < 10; i++) {
        expect(await signInStatus(store, customer.email, "not-the-password")).toBe(401)
      }
      // Locked: the right password is refused like a wrong one.
      expect(await signInStatus(store, customer.email, SEED_PASSWORD)).toBe(401)

      await page.goto(`${baseUrl}/app/customers/${customer.id}`)
      const lock = page.getByTestId("customer-security-lock")
      await lock.getByText(/Locked until/).waitFor()
      await store.screenshot("50-customer-security-locked")

      await lock.getByTestId("customer-security-unlock").click()
      await confirmPrompt(page, "Unlock")
      await lock.getByText("Not locked", { exact: true }).waitFor()
      expect(await signInStatus(store, customer.email, SEED_PASSWORD)).toBe(200)

      // The log shows the failures, the lock and the unlock by the staff user.
      const log = page.getByTestId("customer-security-log")
      await eventually(async () => {
        await page.reload()
        await log.getByText("Unlocked", { exact: true }).first().waitFor({ timeout: 5_000 })
      }, 30_000)
      const [unlock] = await store.sql<{ actor_type: string; actor_id: string | null }>(
        `select actor_type, actor_id from customer_security_event where kind = 'unlock' and customer_id = $1 order by occurred_at desc limit 1`,
        [customer.id]
      )
      expect(unlock.actor_type).toBe("user")
      const [admin] = await store.sql<{ id: string }>(`select id from "user" where email = 'admin@medusa-test.com' and deleted_at is null`)
      expect(unlock.actor_id).toBe(admin.id)
      await store.screenshot("51-customer-security-unlocked")
    })

    it("sends a password reset: Medusa's reset event for the customer's email, recorded with the staff user", async () => {
      const store = getStore()
      const { page, baseUrl } = store
      const customer = await lastCustomerWithAccount(store, 1)
      await page.goto(`${baseUrl}/app/customers/${customer.id}`)
      await page.getByTestId("customer-security-send-reset").click()
      await confirmPrompt(page, "Send")
      await page.locator("[data-sonner-toast]", { hasText: `Password reset email sent to ${customer.email}` }).first().waitFor()
      const [sent] = await store.sql<{ actor_type: string; outcome: string }>(
        `select actor_type, outcome from customer_security_event where kind = 'staff_password_reset' and customer_id = $1 order by occurred_at desc limit 1`,
        [customer.id]
      )
      expect(sent).toEqual({ actor_type: "user", outcome: "sent" })
      await page.getByTestId("customer-security-log").getByText("Password reset sent by staff", { exact: true }).first().waitFor()
      await store.screenshot("52-customer-security-reset-sent")
    })
  })
}

/** Now Online lists a customer who just signed in on the storefront, and their page says so. */
export async function expectNowOnlineAfterStorefrontSignIn(store: Store, front: Storefront) {
  const customer = await lastCustomerWithAccount(store, 2)
  const shopper = await front.shopper()
  await signIn(shopper, front.url, customer.email)

  const { page, baseUrl } = store
  await page.goto(`${baseUrl}/app/now-online`)
  await page.getByTestId("now-online-counts").waitFor()
  // Presence is written in batches a few seconds after the request: reload until the row is there.
  await eventually(async () => {
    await page.reload()
    await page.getByTestId("now-online").locator("tbody tr", { hasText: customer.email }).first().waitFor({ timeout: 5_000 })
  }, 60_000)
  await front.screenshot(shopper, "47-storefront-signed-in-for-now-online")
  await store.screenshot("53-now-online")

  await page.goto(`${baseUrl}/app/customers/${customer.id}`)
  await page.getByTestId("customer-presence-badge").getByText("Online now").waitFor()
}
