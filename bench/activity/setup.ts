/**
 * The account-security benchmark's store (run by run.mjs through `medusa
 * exec`, in its own database): the integration tests' shop fixture, one
 * registered customer with a password, and a guest cart. Writes what the
 * driver needs to the file named by BENCH_ACTIVITY_OUT.
 */
import fs from "node:fs"
import { createCustomerAccountWorkflow } from "@medusajs/medusa/core-flows"
import type { ExecArgs } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createShop } from "../../integration-tests/helpers/shop"

export const PASSWORD = "bench-password-1-long-enough"

export default async function setup({ container }: ExecArgs) {
  const shop = await createShop(container, {
    products: Array.from({ length: 5 }, (_, i) => ({ title: `Bench product ${i + 1}`, price: 10 + i * 5 })),
  })
  const auth = container.resolve(Modules.AUTH)
  const email = "bench@bench.test"
  const { authIdentity, error } = await auth.register("emailpass", { body: { email, password: PASSWORD } } as any)
  if (error || !authIdentity) {
    throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `register ${email}: ${error}`)
  }
  const { result: customer } = await createCustomerAccountWorkflow(container).run({
    input: { authIdentityId: authIdentity.id, customerData: { email, first_name: "Bench" } },
  })
  const [cart] = await container.resolve(Modules.CART).createCarts([
    {
      currency_code: "eur",
      region_id: shop.regionId,
      sales_channel_id: shop.salesChannelId,
      email: "guest@bench.test",
      items: [{ title: shop.products[1].title, product_id: shop.products[1].id, variant_id: shop.products[1].variantId, quantity: 2, unit_price: 15 }],
    },
  ])
  fs.writeFileSync(
    process.env.BENCH_ACTIVITY_OUT ?? "bench-activity-setup.json",
    JSON.stringify({ publishableKey: shop.publishableKey, email, password: PASSWORD, customer_id: customer.id, cart_id: cart.id }, null, 2)
  )
}
