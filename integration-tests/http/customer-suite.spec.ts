import { Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAdminUser, type AuthHeaders } from "../helpers/admin"

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

        // medusa-config.ts passes no assistance overrides in tests: the defaults apply.
        const assistance = capabilities.find((c: { id: string }) => c.id === "assistance")
        expect(assistance).toEqual({
          id: "assistance",
          name: "Login as customer",
          description: expect.any(String),
          enabled: false,
          available: false,
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
  },
})
