import { MedusaError } from "@medusajs/framework/utils"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { CUSTOMER_SEGMENT_MODULE } from ".."
import type CustomerSegmentModuleService from "../service"

jest.setTimeout(60_000)

const invalidData = async (fn: () => unknown) => {
  try {
    await fn()
  } catch (error) {
    expect(error).toBeInstanceOf(MedusaError)
    expect((error as MedusaError).type).toBe(MedusaError.Types.INVALID_DATA)
    return (error as MedusaError).message
  }
  throw new Error("expected INVALID_DATA")
}

moduleIntegrationTestRunner<CustomerSegmentModuleService>({
  moduleName: CUSTOMER_SEGMENT_MODULE,
  resolve: "./src/modules/customer_segment",
  moduleModels: [],
  testSuite: ({ service }) => {
    describe("CustomerSegmentModuleService (rule engine surface)", () => {
      it("lists every attribute with its operators", async () => {
        const attributes = await service.listAttributes()
        const byName = Object.fromEntries(attributes.map((a) => [a.name, a]))
        for (const name of [
          "email", "email_domain", "first_name", "last_name", "has_account", "customer_added_date",
          "customer_groups", "countries", "provinces", "cities", "number_of_orders", "amount_spent",
          "average_order_value", "first_order_date", "last_order_date", "products_purchased",
          "cart_subtotal", "cart_item_count", "cart_products",
        ]) {
          expect(byName[name]).toBeDefined()
          expect(byName[name].operators.length).toBeGreaterThan(0)
          expect(byName[name].label.length).toBeGreaterThan(0)
        }
        expect(byName.amount_spent.operators).toContain("between")
        expect(byName.cart_subtotal.guest).toBe(true)
        expect(byName.amount_spent.guest).toBe(false)
      })

      it("parses a query and prints it back", async () => {
        const rule = await service.parseQuery("countries CONTAINS 'DE' AND amount_spent > 500 EUR")
        expect(await service.printRule(rule)).toBe("countries CONTAINS 'de' AND amount_spent > 500 EUR")
      })

      it("answers a syntax error with INVALID_DATA naming line and column", async () => {
        const message = await invalidData(() => service.parseQuery("email = 'a' AND\n  number_of_orders >"))
        expect(message).toBe(
          "query: Line 2, column 21: expected a value: 'text', a number, true, false or a date, found the end of the query"
        )
      })

      it("answers an invalid JSON rule with INVALID_DATA naming the path", async () => {
        const message = await invalidData(() =>
          service.validateRule({ any: [{ attribute: "amount_spent", operator: "contains", value: 1 }] })
        )
        expect(message).toMatch(/^rule\.any\.0\.operator: operator "contains" does not apply to Amount spent \(amount_spent, money\)/)
      })
    })
  },
})
