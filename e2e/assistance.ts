/**
 * Login as customer from the storefront's side (consent, the code exchange,
 * shopping with the assisted token), for the admin test in admin.e2e.spec.ts.
 */
import type { Page } from "playwright-core"
import type { Store } from "./harness"

export const STOREFRONT_URL = "https://shop.example/account/assist?code={code}"
const SEED_PASSWORD = "supersecret"

type Answer<T> = { status: number; body: T }

/** A call to the store API with the storefront's publishable key (and a customer token). */
export async function storeApi<T = Record<string, any>>(
  store: Store,
  path: string,
  { method = "GET", body, token }: { method?: string; body?: unknown; token?: string } = {}
): Promise<Answer<T>> {
  const [{ token: key }] = await store.sql<{ token: string }>(`select token from api_key where type = 'publishable' and revoked_at is null and deleted_at is null order by created_at limit 1`)
  const response = await fetch(`${store.baseUrl}${path}`, {
    method,
    headers: {
      "content-type": "application/json",
      "x-publishable-api-key": key,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as T }
}

/** A seeded customer with an account (an email/password login), the same one on every run. */
export async function customerWithAccount(store: Store) {
  const [customer] = await store.sql<{ id: string; email: string }>(
    `select c.id, c.email from customer c
       join provider_identity pi on pi.entity_id = c.email and pi.provider = 'emailpass'
       join auth_identity ai on ai.id = pi.auth_identity_id and ai.app_metadata ->> 'customer_id' = c.id
      where c.has_account and c.deleted_at is null
      order by c.email limit 1`
  )
  return customer
}

/** The customer's storefront login (the seed's password). */
export async function customerToken(store: Store, email: string) {
  const { status, body } = await storeApi<{ token: string }>(store, "/auth/customer/emailpass", { method: "POST", body: { email, password: SEED_PASSWORD } })
  if (status !== 200) {
    throw new Error(`customer login failed: ${status} ${JSON.stringify(body)}`)
  }
  return body.token
}

/** The customer allows (or withdraws) remote assistance from their account. */
export async function setConsent(store: Store, email: string, allowed: boolean) {
  const { status, body } = await storeApi(store, "/store/customers/me/assistance-consent", { method: "POST", body: { allowed }, token: await customerToken(store, email) })
  if (status !== 200) {
    throw new Error(`consent failed: ${status} ${JSON.stringify(body)}`)
  }
  return body
}

/** The storefront exchanges the admin's one-time code for a customer token. */
export async function exchangeCode(store: Store, code: string) {
  return storeApi<{ token: string; assistance_session: { id: string } }>(store, "/store/assistance-sessions/exchange", { method: "POST", body: { code } })
}

/** Shops as the customer: a cart in the first region with one item that has a price there. Answers the cart id. */
export async function addToCart(store: Store, token: string) {
  const [region] = await store.sql<{ id: string }>(`select id from region where deleted_at is null order by currency_code limit 1`)
  const cart = await storeApi<{ cart: { id: string } }>(store, "/store/carts", { method: "POST", body: { region_id: region.id }, token })
  if (cart.status !== 200) {
    throw new Error(`cart failed: ${cart.status} ${JSON.stringify(cart.body)}`)
  }
  const products = await storeApi<{ products: { variants: { id: string; calculated_price?: unknown }[] }[] }>(
    store,
    `/store/products?region_id=${region.id}&limit=20&fields=id,*variants,*variants.calculated_price`,
    { token }
  )
  const variants = products.body.products.flatMap((p) => p.variants).filter((v) => v.calculated_price)
  for (const variant of variants) {
    const line = await storeApi(store, `/store/carts/${cart.body.cart.id}/line-items`, { method: "POST", body: { variant_id: variant.id, quantity: 1 }, token })
    if (line.status === 200) {
      return cart.body.cart.id
    }
  }
  throw new Error("no variant could be added to the cart")
}

/** Puts every assistance setting back to the plugin option (login as customer off again). */
export async function resetAssistanceSettings(page: Page, baseUrl: string) {
  const keys = ["enabled", "consent", "code_ttl_seconds", "session_ttl_minutes", "storefront_url", "require_reason", "denied_actions"]
  const status = await page.evaluate(
    async ({ url, reset }) => (await fetch(url, { method: "POST", credentials: "include", headers: { "content-type": "application/json" }, body: JSON.stringify({ reset }) })).status,
    { url: `${baseUrl}/admin/customer-suite/settings`, reset: keys.map((k) => `assistance.${k}`) }
  )
  if (status !== 200) {
    throw new Error(`resetting the assistance settings failed: ${status}`)
  }
}
