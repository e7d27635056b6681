import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

/** A publishable key for /store routes (create it in beforeEach: the database is restored before every test). */
export async function createPublishableKey(container: MedusaContainer): Promise<string> {
  const apiKeyModule = container.resolve(Modules.API_KEY)
  const key = await apiKeyModule.createApiKeys({ title: "Test storefront", type: "publishable", created_by: "test" })
  return key.token
}

type Api = {
  post: (url: string, body?: unknown, config?: { headers: Record<string, string> }) => Promise<{ data: any }>
}

/** Registers a customer over HTTP and returns their bearer token and id. */
export async function registerCustomer(
  api: Api,
  publishableKey: string,
  customer: { email: string; first_name?: string; last_name?: string },
  password = "secret-password-1"
): Promise<{ token: string; id: string; headers: Record<string, string> }> {
  const registration = await api.post("/auth/customer/emailpass/register", { email: customer.email, password })
  const created = await api.post("/store/customers", customer, {
    headers: { authorization: `Bearer ${registration.data.token}`, "x-publishable-api-key": publishableKey },
  })
  const login = await api.post("/auth/customer/emailpass", { email: customer.email, password })
  return {
    token: login.data.token,
    id: created.data.customer.id,
    headers: { authorization: `Bearer ${login.data.token}`, "x-publishable-api-key": publishableKey },
  }
}
