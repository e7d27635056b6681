import { createOrderWorkflow } from "@medusajs/core-flows"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAdminUser, type AuthHeaders } from "../helpers/admin"
import { checkout, createShop, type Shop } from "../helpers/shop"
import { registerCustomer } from "../helpers/store"
import { eventually } from "../helpers/wait"

jest.setTimeout(180_000)

/**
 * Tax classes at checkout, through real carts: store API carts completed into
 * orders, taxed by the tax-class provider on the DE and FR tax regions.
 * Book carries the Reduced class (7 % in DE, no row in FR); Lamp has none
 * (the default Taxable class: the region's rate). Wholesale is exempt in DE.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    describe("tax classes applied to carts and orders", () => {
      let admin: AuthHeaders
      let shop: Shop
      let book: Shop["products"][number]
      let lamp: Shop["products"][number]
      let wholesaleGroupId: string

      beforeEach(async () => {
        const container = getContainer()
        admin = await createAdminUser(container)
        shop = await createShop(container, { products: [{ title: "Book", price: 100 }, { title: "Lamp", price: 200 }] })
        ;[book, lamp] = shop.products
        const create = async (body: Record<string, unknown>) => (await api.post("/admin/tax-classes", body, admin)).data.tax_class
        const retail = await create({ type: "customer", name: "Retail", code: "retail", is_default: true })
        const wholesale = await create({ type: "customer", name: "Wholesale", code: "wholesale" })
        const taxable = await create({ type: "product", name: "Taxable goods", code: "taxable", is_default: true })
        const reduced = await create({ type: "product", name: "Reduced rate", code: "reduced" })
        for (const product_class_id of [taxable.id, reduced.id]) {
          await api.post("/admin/tax-class-rates", { customer_class_id: wholesale.id, product_class_id, country_code: "de", is_exempt: true }, admin)
        }
        await api.post(
          "/admin/tax-class-rates",
          { customer_class_id: retail.id, product_class_id: reduced.id, country_code: "de", rate: 7, code: "DE-VAT-RED", name: "DE reduced VAT" },
          admin
        )
        const [group] = await container.resolve(Modules.CUSTOMER).createCustomerGroups([{ name: "Wholesale" }])
        wholesaleGroupId = group.id
        await api.post(`/admin/customer-groups/${group.id}/tax-class`, { tax_class_id: wholesale.id }, admin)
        await api.post(`/admin/products/${book.id}/tax-class`, { tax_class_id: reduced.id }, admin)
      })

      const orderTaxes = async (orderId: string) => {
        const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
        const {
          data: [order],
        } = await query.graph({
          entity: "order",
          fields: ["id", "tax_total", "items.product_id", "items.tax_lines.*", "shipping_methods.tax_lines.*"],
          filters: { id: orderId },
        })
        const lines = (o: any) => o.tax_lines.map((t: any) => [t.code, Number(t.rate)])
        return {
          tax_total: Number(order.tax_total),
          book: lines(order.items.find((i: any) => i.product_id === book.id)),
          lamp: lines(order.items.find((i: any) => i.product_id === lamp.id)),
          shipping: lines(order.shipping_methods[0]),
        }
      }
      const bothOnce = () => [
        { variantId: book.variantId, quantity: 1 },
        { variantId: lamp.variantId, quantity: 1 },
      ]

      it("a Retail customer pays the region rate, and the Reduced class its reduced rate, on a completed cart", async () => {
        const customer = await registerCustomer(api, shop.publishableKey, { email: "retail@example.com" })
        const { order } = await checkout(api, shop, { lines: bothOnce(), headers: customer.headers, complete: true })
        expect(await orderTaxes(order.id)).toEqual({
          tax_total: 7 + 38 + 1.9,
          book: [["DE-VAT-RED", 7]],
          lamp: [["DE-VAT", 19]],
          shipping: [["DE-VAT", 19]],
        })
      })

      it("a Wholesale member pays no tax (goods and shipping) on a completed cart; the lines say why", async () => {
        const container = getContainer()
        const customer = await registerCustomer(api, shop.publishableKey, { email: "trade@example.com" })
        await container.resolve(Modules.CUSTOMER).addCustomerToGroup({ customer_id: customer.id, customer_group_id: wholesaleGroupId })
        const { cart, order } = await checkout(api, shop, {
          lines: [{ variantId: book.variantId, quantity: 2 }, { variantId: lamp.variantId, quantity: 1 }],
          headers: customer.headers,
          complete: true,
        })
        expect(cart.tax_total).toBe(0)
        expect(await orderTaxes(order.id)).toEqual({ tax_total: 0, book: [["EXEMPT", 0]], lamp: [["EXEMPT", 0]], shipping: [["EXEMPT", 0]] })
        const {
          data: [stored],
        } = await container
          .resolve(ContainerRegistrationKeys.QUERY)
          .graph({ entity: "order", fields: ["items.tax_lines.provider_id", "items.tax_lines.rate"], filters: { id: order.id } })
        expect(stored.items[0].tax_lines[0].provider_id).toBe("tax-class")
      })

      it("a guest gets the default classes; an address in France, where no row matches, gets the French rate", async () => {
        const { order } = await checkout(api, shop, { lines: bothOnce(), email: "guest@example.com", complete: true })
        expect(await orderTaxes(order.id)).toMatchObject({ book: [["DE-VAT-RED", 7]], lamp: [["DE-VAT", 19]] })

        const trade = await registerCustomer(api, shop.publishableKey, { email: "trade-fr@example.com" })
        await getContainer().resolve(Modules.CUSTOMER).addCustomerToGroup({ customer_id: trade.id, customer_group_id: wholesaleGroupId })
        const { cart } = await checkout(api, shop, { lines: bothOnce(), headers: trade.headers, country: "fr" })
        const codes = cart.items.map((i: any) => i.tax_lines.map((t: any) => [t.code, t.rate]))
        expect(codes).toEqual([[["FR-VAT", 20]], [["FR-VAT", 20]]])
      })

      it("a customer in several groups with different classes is taxed by the oldest group's class", async () => {
        const container = getContainer()
        const staff = (await api.post("/admin/tax-classes", { type: "customer", name: "Staff", code: "staff" }, admin)).data.tax_class
        const taxable = (await api.get("/admin/tax-classes?type=product", admin)).data.tax_classes.find((c: any) => c.code === "taxable")
        await api.post("/admin/tax-class-rates", { customer_class_id: staff.id, product_class_id: taxable.id, country_code: "de", rate: 10, code: "DE-STAFF" }, admin)
        const [staffGroup] = await container.resolve(Modules.CUSTOMER).createCustomerGroups([{ name: "Staff" }])
        await api.post(`/admin/customer-groups/${staffGroup.id}/tax-class`, { tax_class_id: staff.id }, admin)

        const both = await registerCustomer(api, shop.publishableKey, { email: "both@example.com" })
        const onlyStaff = await registerCustomer(api, shop.publishableKey, { email: "staff@example.com" })
        const customers = container.resolve(Modules.CUSTOMER)
        await customers.addCustomerToGroup([
          { customer_id: both.id, customer_group_id: staffGroup.id },
          { customer_id: both.id, customer_group_id: wholesaleGroupId },
          { customer_id: onlyStaff.id, customer_group_id: staffGroup.id },
        ])
        const lampCodes = async (headers: Record<string, string>) => {
          const { cart } = await checkout(api, shop, { lines: [{ variantId: lamp.variantId, quantity: 1 }], headers })
          return cart.items[0].tax_lines.map((t: any) => [t.code, t.rate])
        }
        expect(await lampCodes(both.headers)).toEqual([["EXEMPT", 0]])
        expect(await lampCodes(onlyStaff.headers)).toEqual([["DE-STAFF", 10]])
      })

      it("a change to the matrix, a class or a link applies to the next cart at once", async () => {
        const customer = await registerCustomer(api, shop.publishableKey, { email: "changes@example.com" })
        const bookTax = async () => {
          const { cart } = await checkout(api, shop, { lines: [{ variantId: book.variantId, quantity: 1 }], headers: customer.headers })
          return cart.items[0].tax_lines.map((t: any) => [t.code, t.rate])
        }
        expect(await bookTax()).toEqual([["DE-VAT-RED", 7]])
        const { data } = await api.get("/admin/tax-class-rates?country_code=de", admin)
        const reducedRow = data.tax_class_rates.find((r: any) => r.code === "DE-VAT-RED")
        await api.post(`/admin/tax-class-rates/${reducedRow.id}`, { rate: 5 }, admin)
        expect(await bookTax()).toEqual([["DE-VAT-RED", 5]])
        await api.post(`/admin/products/${book.id}/tax-class`, { tax_class_id: null }, admin)
        expect(await bookTax()).toEqual([["DE-VAT", 19]])
        await getContainer().resolve(Modules.CUSTOMER).addCustomerToGroup({ customer_id: customer.id, customer_group_id: wholesaleGroupId })
        expect(await bookTax()).toEqual([["EXEMPT", 0]])
      })

      it("an open cart is retaxed when its customer joins a group with another class", async () => {
        const customer = await registerCustomer(api, shop.publishableKey, { email: "joins@example.com" })
        const headers = { ...customer.headers }
        const { cart } = await checkout(api, shop, { lines: [{ variantId: lamp.variantId, quantity: 1 }], headers })
        expect(cart.tax_total).toBeGreaterThan(0)
        // The admin's customer page adds them to Wholesale (Medusa's own workflow and route).
        await api.post(`/admin/customer-groups/${wholesaleGroupId}/customers`, { add: [customer.id] }, admin)
        await eventually(async () => {
          const { data } = await api.get(`/store/carts/${cart.id}`, { headers })
          expect([data.cart.tax_total, data.cart.items[0].tax_lines.map((t: any) => t.code)]).toEqual([0, ["EXEMPT"]])
        })
      })

      it("orders created by an admin are taxed by the matrix too (the order workflow's hook)", async () => {
        const container = getContainer()
        const [customer] = await container.resolve(Modules.CUSTOMER).createCustomers([{ email: "phone@example.com", has_account: true }])
        await container.resolve(Modules.CUSTOMER).addCustomerToGroup({ customer_id: customer.id, customer_group_id: wholesaleGroupId })
        const address = { first_name: "A", last_name: "B", address_1: "x", city: "Berlin", postal_code: "10115", country_code: "de" }
        const { result: wholesaleOrder } = await createOrderWorkflow(container).run({
          input: {
            region_id: shop.regionId,
            sales_channel_id: shop.salesChannelId,
            customer_id: customer.id,
            email: customer.email,
            currency_code: "eur",
            shipping_address: address,
            billing_address: address,
            items: [{ variant_id: lamp.variantId, quantity: 1 }],
          } as any,
        })
        const { result: guestOrder } = await createOrderWorkflow(container).run({
          input: {
            region_id: shop.regionId,
            sales_channel_id: shop.salesChannelId,
            email: "walkin@example.com",
            currency_code: "eur",
            shipping_address: address,
            billing_address: address,
            items: [{ variant_id: book.variantId, quantity: 1 }],
          } as any,
        })
        const query = container.resolve(ContainerRegistrationKeys.QUERY)
        const taxOf = async (id: string) =>
          (await query.graph({ entity: "order", fields: ["items.tax_lines.code", "items.tax_lines.rate"], filters: { id } })).data[0].items[0].tax_lines.map(
            (t: any) => [t.code, Number(t.rate)]
          )
        expect(await taxOf(wholesaleOrder.id)).toEqual([["EXEMPT", 0]])
        expect(await taxOf(guestOrder.id)).toEqual([["DE-VAT-RED", 7]])
      })
    })
  },
})
