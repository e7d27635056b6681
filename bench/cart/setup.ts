/**
 * The cart benchmark's store (run by run.mjs through `medusa exec`, in its own
 * database): the shop fixture of the integration tests (EUR region with DE and
 * FR, tax regions on the tax-class provider, one shipping option) with 20
 * products, the demo's tax classes (Retail default, Wholesale exempt in DE,
 * Taxable default, Reduced rate on half the products at 7 % in DE), the rule
 * "Wholesale: 15% off everything" with a tier, and two registered customers:
 * retail@bench.test and trade@bench.test (Wholesale); login as customer on,
 * with retail's consent and an admin user. Writes the ids the
 * driver needs to the file named by BENCH_CART_OUT.
 */
import fs from "node:fs"
import { createCustomerAccountWorkflow } from "@medusajs/medusa/core-flows"
import type { ExecArgs } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createShop } from "../../integration-tests/helpers/shop"
import { createGroupPriceRuleWorkflow } from "../../src/workflows/group-pricing"
import { updateSuiteSettingsWorkflow } from "../../src/workflows/customer-suite"
import { recordAssistanceConsentWorkflow } from "../../src/workflows/shopping-assistance"
import { createTaxClassRateWorkflow, createTaxClassWorkflow, setTaxClassLinkWorkflow } from "../../src/workflows/tax-classes"

export const PASSWORD = "bench-password-1"

export default async function setup({ container }: ExecArgs) {
  const shop = await createShop(container, {
    products: Array.from({ length: 20 }, (_, i) => ({ title: `Bench product ${String(i + 1).padStart(2, "0")}`, price: 10 + i * 5 })),
  })
  const klass = async (input: { type: "customer" | "product"; name: string; code: string; is_default?: boolean }) =>
    (await createTaxClassWorkflow(container).run({ input })).result
  const retail = await klass({ type: "customer", name: "Retail", code: "retail", is_default: true })
  const wholesale = await klass({ type: "customer", name: "Wholesale", code: "wholesale" })
  const taxable = await klass({ type: "product", name: "Taxable goods", code: "taxable", is_default: true })
  const reduced = await klass({ type: "product", name: "Reduced rate", code: "reduced" })
  const row = (customer_class_id: string, product_class_id: string, patch: Record<string, unknown>) =>
    createTaxClassRateWorkflow(container).run({
      input: { customer_class_id, product_class_id, country_code: "de", province_code: null, rate: null, is_exempt: false, ...patch } as any,
    })
  await row(wholesale.id, taxable.id, { is_exempt: true })
  await row(wholesale.id, reduced.id, { is_exempt: true })
  await row(retail.id, reduced.id, { rate: 7, code: "DE-VAT-RED", name: "DE reduced VAT" })
  for (const product of shop.products.filter((_, i) => i % 2 === 0)) {
    await setTaxClassLinkWorkflow(container).run({ input: { owner: "product", id: product.id, tax_class_id: reduced.id } })
  }

  const customers = container.resolve(Modules.CUSTOMER)
  const [group] = await customers.createCustomerGroups([{ name: "Wholesale" }])
  await setTaxClassLinkWorkflow(container).run({ input: { owner: "customer_group", id: group.id, tax_class_id: wholesale.id } })
  await createGroupPriceRuleWorkflow(container).run({
    input: {
      name: "Wholesale: 15% off everything",
      customer_group_id: group.id,
      adjustment_type: "percentage",
      percentage: 15,
      scope_type: "all",
      tiers: [{ min_quantity: 10, percentage: 20 }],
      priority: 0,
      status: "active",
    },
  })

  const auth = container.resolve(Modules.AUTH)
  const accounts: Record<string, string> = {}
  for (const email of ["retail@bench.test", "trade@bench.test"]) {
    const { authIdentity, error } = await auth.register("emailpass", { body: { email, password: PASSWORD } } as any)
    if (error || !authIdentity) {
      throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `register ${email}: ${error}`)
    }
    const { result } = await createCustomerAccountWorkflow(container).run({ input: { authIdentityId: authIdentity.id, customerData: { email } } })
    accounts[email] = result.id
  }
  await customers.addCustomerToGroup({ customer_id: accounts["trade@bench.test"], customer_group_id: group.id })

  // Login as customer (the "assistance" part): on, retail@bench.test allows it, and an admin user to start sessions.
  await updateSuiteSettingsWorkflow(container).run({ input: { changes: { assistance: { enabled: true } } } })
  await recordAssistanceConsentWorkflow(container).run({ input: { customer_id: accounts["retail@bench.test"], allowed: true } })
  const user = await container.resolve(Modules.USER).createUsers({ email: "assistant@bench.test", first_name: "Bench", last_name: "Assistant" })
  const identity = await auth.createAuthIdentities({ provider_identities: [{ provider: "emailpass", entity_id: user.email }], app_metadata: { user_id: user.id } })

  fs.writeFileSync(
    process.env.BENCH_CART_OUT ?? "bench-cart-setup.json",
    JSON.stringify(
      { ...shop, password: PASSWORD, customers: accounts, wholesale_group_id: group.id, admin: { user_id: user.id, auth_identity_id: identity.id } },
      null,
      2
    )
  )
}
