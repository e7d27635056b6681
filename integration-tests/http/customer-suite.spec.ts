import { createCartWorkflow, createCustomersWorkflow } from "@medusajs/core-flows"
import { Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAdminUser, type AuthHeaders } from "../helpers/admin"
import type CustomerSuiteModuleService from "../../src/modules/customer_suite/service"
import { createPublishableKey, registerCustomer } from "../helpers/store"
import { eventually } from "../helpers/wait"
import { createStep, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { updateSuiteSettingsStep, type UpdateSuiteSettingsInput } from "../../src/workflows/customer-suite"

const failAfterSettings = createStep("customer-suite-test-fail-after-settings", async () => {
  throw new Error("a later step failed")
})
/** The settings step followed by a failing step: the stored settings must come back. */
const failingSettingsUpdate = createWorkflow("customer-suite-test-failing-settings", (input: UpdateSuiteSettingsInput) => {
  updateSuiteSettingsStep(input)
  failAfterSettings()
})

jest.setTimeout(120_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    describe("GET /admin/customer-suite/settings", () => {
      let admin: AuthHeaders

      beforeEach(async () => {
        admin = await createAdminUser(getContainer())
      })

      it("returns every capability with its effective settings", async () => {
        const response = await api.get("/admin/customer-suite/settings", admin)

        expect(response.status).toBe(200)
        const { capabilities } = response.data.settings
        expect(capabilities).toHaveLength(8)
        expect(capabilities.map((c: { id: string }) => c.id)).toContain("segments")
        const shipped = capabilities.filter((c: { available: boolean }) => c.available).map((c: { id: string }) => c.id)
        expect(shipped).toEqual(["segments", "customer_groups", "tax_classes", "group_pricing", "assistance", "activity", "personalization"])

        // medusa-config.ts passes no assistance overrides in tests: the defaults apply.
        const assistance = capabilities.find((c: { id: string }) => c.id === "assistance")
        expect(assistance).toEqual({
          id: "assistance",
          name: "Login as customer",
          description: expect.any(String),
          enabled: false,
          available: true,
          overridden: [],
          editable: ["enabled", "consent", "code_ttl_seconds", "session_ttl_minutes", "storefront_url", "require_reason", "consent_label", "consent_help", "denied_actions"],
          plugin_options: expect.objectContaining({ enabled: false, consent: "opt_in", code_ttl_seconds: 60, storefront_url: null }),
          settings: expect.objectContaining({
            consent: "opt_in",
            code_ttl_seconds: 60,
            session_ttl_minutes: 60,
            storefront_url: null,
            require_reason: true,
            denied_actions: expect.arrayContaining(["DELETE /store/customers/me"]),
          }),
        })
        const segments = capabilities.find((c: { id: string }) => c.id === "segments")
        expect(segments).toMatchObject({
          enabled: true,
          settings: { realtime: true, refresh_schedule: "0 * * * *", batch_size: 5000 },
        })
      })

      it("refuses a request without an admin session", async () => {
        const error = await api.get("/admin/customer-suite/settings").catch((e: any) => e)
        expect(error.response.status).toBe(401)
      })

      it("answers an unknown query parameter with 400 naming it", async () => {
        const error = await api
          .get("/admin/customer-suite/settings?verbose=true", admin)
          .catch((e: any) => e)
        expect(error.response.status).toBe(400)
        expect(error.response.data.type).toBe("invalid_data")
        expect(error.response.data.message).toMatch(/verbose/)
      })
    })

    describe("GET /admin/customer-suite/customers/:id/overview", () => {
      let admin: AuthHeaders

      beforeEach(async () => {
        admin = await createAdminUser(getContainer())
      })

      const order = (customerId: string, currency: string, unitPrice: number, quantity: number, extra = {}) => ({
        customer_id: customerId,
        email: "buyer@example.com",
        currency_code: currency,
        items: [{ title: "Tee", quantity, unit_price: unitPrice }],
        ...extra,
      })

      it("counts placed orders and sums totals per currency, leaving out drafts and canceled orders", async () => {
        const container = getContainer()
        const customerModule = container.resolve(Modules.CUSTOMER)
        const orderModule = container.resolve(Modules.ORDER)
        const [customer, other] = await customerModule.createCustomers([
          { email: "buyer@example.com", first_name: "Bea" },
          { email: "other@example.com" },
        ])

        const placed = await orderModule.createOrders([
          order(customer.id, "eur", 20, 2),
          order(customer.id, "eur", 15.5, 1),
          order(customer.id, "usd", 99, 1),
          order(other.id, "eur", 1000, 1),
        ])
        const [canceled] = await orderModule.createOrders([order(customer.id, "eur", 500, 1)])
        await orderModule.cancel(canceled.id)
        await orderModule.createOrders([order(customer.id, "eur", 700, 1, { status: "draft" })])

        const response = await api.get(
          `/admin/customer-suite/customers/${customer.id}/overview`,
          admin
        )

        expect(response.status).toBe(200)
        const { overview } = response.data
        expect(overview).toEqual({
          customer_id: customer.id,
          has_account: false,
          customer_since: expect.any(String),
          orders_count: 3,
          amount_spent: [
            { currency_code: "eur", amount: 55.5 },
            { currency_code: "usd", amount: 99 },
          ],
          first_order_at: new Date(placed[0].created_at).toISOString(),
          last_order_at: new Date(placed[2].created_at).toISOString(),
        })
      })

      it("gives zeros and nulls for a customer without orders", async () => {
        const [customer] = await getContainer()
          .resolve(Modules.CUSTOMER)
          .createCustomers([{ email: "new@example.com" }])
        const { data } = await api.get(
          `/admin/customer-suite/customers/${customer.id}/overview`,
          admin
        )
        expect(data.overview).toMatchObject({
          orders_count: 0,
          amount_spent: [],
          first_order_at: null,
          last_order_at: null,
        })
      })

      it("answers 404 for an unknown customer", async () => {
        const error = await api
          .get("/admin/customer-suite/customers/cus_missing/overview", admin)
          .catch((e: any) => e)
        expect(error.response.status).toBe(404)
        expect(error.response.data.message).toContain("cus_missing")
      })
    })

    describe("customer groups: default group on sign-up and guest group", () => {
      let admin: AuthHeaders

      beforeEach(async () => {
        admin = await createAdminUser(getContainer())
      })

      const failure = (promise: Promise<unknown>) => promise.then(() => Promise.reject(new Error("expected a failure")), (e: any) => e.response)
      const groupsOf = async (customerId: string) =>
        (await getContainer().resolve(Modules.CUSTOMER).listCustomerGroupCustomers({ customer_id: customerId })).map((l) => l.customer_group_id)

      it("puts new registered customers in the default group and guests in the guest group, never moving anyone later", async () => {
        const container = getContainer()
        const customerModule = container.resolve(Modules.CUSTOMER)
        const [retail, wholesale, guests] = await customerModule.createCustomerGroups([
          { name: "Retail" },
          { name: "Wholesale" },
          { name: "Guests" },
        ])
        // By name and by id: both name a group.
        const set = await api.post(
          "/admin/customer-suite/settings",
          { customer_groups: { default_group: "Retail", guest_group: guests.id } },
          admin
        )
        const groups = set.data.settings.capabilities.find((c: { id: string }) => c.id === "customer_groups")
        expect(groups).toMatchObject({
          available: true,
          settings: { default_group: "Retail", guest_group: guests.id },
          overridden: ["default_group", "guest_group"],
          // What a reset goes back to: the plugin options of the test app (none set: null).
          plugin_options: { default_group: null, guest_group: null },
        })

        const publishableKey = await createPublishableKey(container)
        const ada = await registerCustomer(api, publishableKey, { email: "ada@example.com" })
        await eventually(async () => expect(await groupsOf(ada.id)).toEqual([retail.id]))

        // A guest created for a cart (Medusa announces only the cart).
        const region = await container.resolve(Modules.REGION).createRegions({ name: "EU", currency_code: "eur", countries: ["de"] })
        const channel = await container.resolve(Modules.SALES_CHANNEL).createSalesChannels({ name: "Web" })
        const { result: cart } = await createCartWorkflow(container).run({
          input: { email: "guest@example.com", region_id: region.id, sales_channel_id: channel.id },
        })
        await eventually(async () => expect(await groupsOf(cart.customer_id!)).toEqual([guests.id]))

        // A new setting applies to new customers only.
        await api.post("/admin/customer-suite/settings", { customer_groups: { default_group: wholesale.id } }, admin)
        const {
          result: [bob],
        } = await createCustomersWorkflow(container).run({ input: { customersData: [{ email: "bob@example.com", has_account: true }] } })
        await eventually(async () => expect(await groupsOf(bob.id)).toEqual([wholesale.id]))
        // The event again (a retry, a replay): Ada stays where she is.
        await container.resolve(Modules.EVENT_BUS).emit({ name: "customer.created", data: { id: ada.id } })
        await new Promise((r) => setTimeout(r, 500))
        expect(await groupsOf(ada.id)).toEqual([retail.id])
        const ledger = await container.resolve<CustomerSuiteModuleService>("customer_suite").listCustomerGroupAssignments({ customer_id: [ada.id, bob.id] })
        expect(ledger).toHaveLength(2)

        // Reset: back to the plugin option (none in the test store); null: explicitly none.
        const reset = await api.post("/admin/customer-suite/settings", { reset: ["customer_groups.default_group"] }, admin)
        expect(reset.data.settings.capabilities.find((c: { id: string }) => c.id === "customer_groups")).toMatchObject({
          settings: { default_group: null, guest_group: guests.id },
          overridden: ["guest_group"],
        })
        await api.post("/admin/customer-suite/settings", { customer_groups: { guest_group: null } }, admin)
        const {
          result: [cem],
        } = await createCustomersWorkflow(container).run({ input: { customersData: [{ email: "cem@example.com", has_account: true }] } })
        await eventually(async () =>
          expect(await container.resolve<CustomerSuiteModuleService>("customer_suite").listCustomerGroupAssignments({ customer_id: cem.id })).toHaveLength(1)
        )
        expect(await groupsOf(cem.id)).toEqual([])
      })

      it("refuses unknown groups and fields, naming them, and keeps what was stored", async () => {
        await getContainer().resolve(Modules.CUSTOMER).createCustomerGroups([{ name: "Retail" }])
        await api.post("/admin/customer-suite/settings", { customer_groups: { default_group: "Retail" } }, admin)

        const unknown = await failure(api.post("/admin/customer-suite/settings", { customer_groups: { default_group: "Nobody" } }, admin))
        expect(unknown.status).toBe(400)
        expect(unknown.data.message).toBe('customer_groups.default_group: no customer group with the id or name "Nobody"')
        const empty = await failure(api.post("/admin/customer-suite/settings", { customer_groups: { guest_group: " " } }, admin))
        expect(empty.status).toBe(400)
        expect(empty.data.message).toMatch(/customer_groups\.guest_group/)
        const extra = await failure(api.post("/admin/customer-suite/settings", { customer_groups: { defualt_group: "Retail" } }, admin))
        expect(extra.status).toBe(400)
        expect(extra.data.message).toMatch(/defualt_group/)
        const both = await failure(
          api.post("/admin/customer-suite/settings", { customer_groups: { default_group: "Retail" }, reset: ["customer_groups.default_group"] }, admin)
        )
        expect(both.status).toBe(400)
        expect(both.data.message).toMatch(/^reset: customer_groups\.default_group/)

        const { data } = await api.get("/admin/customer-suite/settings", admin)
        expect(data.settings.capabilities.find((c: { id: string }) => c.id === "customer_groups").settings.default_group).toBe("Retail")
      })

      it("rolls a settings change back: the previous stored values return, resets included", async () => {
        const [retail, wholesale, guests] = await getContainer()
          .resolve(Modules.CUSTOMER)
          .createCustomerGroups([{ name: "Retail" }, { name: "Wholesale" }, { name: "Guests" }])
        await api.post("/admin/customer-suite/settings", { customer_groups: { default_group: retail.id, guest_group: guests.id } }, admin)
        const before = (await api.get("/admin/customer-suite/settings", admin)).data.settings

        const { errors } = await failingSettingsUpdate(getContainer()).run({
          input: { changes: { customer_groups: { default_group: wholesale.id } }, reset: ["customer_groups.guest_group"] },
          throwOnError: false,
        })
        expect(errors[0]?.error?.message).toBe("a later step failed")
        const after = (await api.get("/admin/customer-suite/settings", admin)).data.settings
        expect(after).toEqual(before)
        expect(after.capabilities.find((c: { id: string }) => c.id === "customer_groups")).toMatchObject({
          settings: { default_group: retail.id, guest_group: guests.id },
          overridden: ["default_group", "guest_group"],
        })
      })
    })
  },
})
