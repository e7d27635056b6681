import { evaluate, explain, guestFacts, parse, sumAmounts, summarizeRule, type CartFacts, type CustomerFacts } from ".."

const now = new Date("2026-06-15T12:00:00.000Z")

const ada: CustomerFacts = guestFacts({
  email: "ada.lovelace@example.com",
  first_name: "Ada",
  last_name: "Lovelace",
  has_account: true,
  customer_added_date: new Date("2025-01-10T08:00:00Z"),
  customer_groups: ["cusgroup_vip", "cusgroup_general"],
  countries: ["de", "fr"],
  provinces: ["de-be"],
  cities: ["berlin", "paris"],
  number_of_orders: 4,
  spend: { eur: { amount: 640, orders: 3 }, usd: { amount: 99, orders: 1 } },
  first_order_date: new Date("2025-02-01T10:00:00Z"),
  last_order_date: new Date("2026-06-01T23:59:00Z"),
  purchases: [
    { product_id: "prod_tee", collection_id: "pcol_basics", category_ids: ["pcat_tops"], type_id: "ptyp_apparel", quantity: 2, purchased_at: new Date("2026-05-20T10:00:00Z") },
    { product_id: "prod_lamp", collection_id: null, category_ids: ["pcat_home"], type_id: null, quantity: 1, purchased_at: new Date("2025-03-01T10:00:00Z") },
  ],
  // the orders behind spend: 300 + 240 + 100 EUR, 99 USD
  orders: [
    { order_id: "order_1", currency_code: "eur", total: 300, placed_at: new Date("2025-02-01T10:00:00Z") },
    { order_id: "order_2", currency_code: "eur", total: 240, placed_at: new Date("2026-04-10T09:00:00Z") },
    { order_id: "order_3", currency_code: "usd", total: 99, placed_at: new Date("2026-05-20T10:00:00Z") },
    { order_id: "order_4", currency_code: "eur", total: 100, placed_at: new Date("2026-06-01T23:59:00Z") },
  ],
  metadata: { tier: "gold", points: 1200, newsletter: true, nested: { a: 1 } },
})

/** A registered customer with no orders and hardly any profile. */
const blank: CustomerFacts = guestFacts({ email: "x@shop.test", has_account: true, customer_added_date: new Date("2026-06-14T00:00:00Z") })

const cart: CartFacts = {
  currency_code: "eur",
  subtotal: 80,
  items: [
    { product_id: "prod_tee", collection_id: "pcol_basics", category_ids: ["pcat_tops"], type_id: "ptyp_apparel", quantity: 3 },
  ],
}

const check = (query: string, facts: CustomerFacts, withCart: CartFacts | null = null) =>
  evaluate(parse(query), facts, { now, cart: withCart })

describe("evaluate: truth table per attribute type, nulls included", () => {
  it.each<[string, boolean, boolean]>([
    // [query, Ada, blank customer]
    // text: exact equality, CONTAINS / STARTS WITH ignore case, null is false for positives
    ["first_name = 'Ada'", true, false],
    ["first_name = 'ada'", false, false],
    ["first_name != 'Ada'", false, true],
    ["first_name CONTAINS 'AD'", true, false],
    ["first_name NOT CONTAINS 'ad'", false, true],
    ["last_name STARTS WITH 'love'", true, false],
    ["first_name IN ('Grace', 'Ada')", true, false],
    ["first_name NOT IN ('Grace', 'Ada')", false, true],
    ["first_name IS NOT NULL", true, false],
    ["first_name IS NULL", false, true],
    ["email = 'ADA.LOVELACE@example.com'", true, false],
    ["email_domain = 'Example.com'", true, false],
    ["email_domain != 'example.com'", false, true],
    // boolean
    ["has_account = true", true, true],
    ["has_account != true", false, false],
    // numbers
    ["number_of_orders > 3", true, false],
    ["number_of_orders = 0", false, true],
    ["number_of_orders BETWEEN 4 AND 10", true, false],
    ["number_of_orders IN (1, 4)", true, false],
    // money: per currency; no orders in a currency = 0 spent, no average
    ["amount_spent >= 640 EUR", true, false],
    ["amount_spent > 640 EUR", false, false],
    ["amount_spent < 100 EUR", false, true],
    ["amount_spent > 700 USD", false, false],
    ["amount_spent BETWEEN 90 USD AND 100 USD", true, false],
    ["average_order_value > 200 EUR", true, false],
    ["average_order_value != 200 EUR", true, true],
    ["average_order_value < 1000 GBP", false, false],
    ["amount_spent IS NOT NULL", true, false],
    // money within dates: only amount_spent, the orders of that currency placed from since's day through until's
    ["amount_spent > 300 EUR SINCE -90d", true, false],
    ["amount_spent = 340 EUR SINCE 2026-03-17", true, false],
    ["amount_spent > 340 EUR SINCE -90d", false, false],
    ["amount_spent != 340 EUR SINCE -90d", false, true],
    ["amount_spent = 100 EUR SINCE 2026-06-01 UNTIL 2026-06-01", true, false],
    ["amount_spent = 300 EUR UNTIL 2025-02-01", true, false],
    ["amount_spent = 0 EUR UNTIL 2025-01-31", true, true],
    ["amount_spent < 1 EUR SINCE today", true, true],
    ["amount_spent BETWEEN 90 USD AND 100 USD SINCE -1m", true, false],
    ["amount_spent BETWEEN 90 USD AND 100 USD SINCE -3w", false, false],
    ["amount_spent >= 640 EUR SINCE 2000-01-01 UNTIL today", true, false],
    ["average_order_value IS NULL", false, true],
    // dates: by UTC day; relative to now (2026-06-15)
    ["last_order_date = 2026-06-01", true, false],
    ["last_order_date > 2026-06-01", false, false],
    ["last_order_date >= 2026-06-01", true, false],
    ["last_order_date > -30d", true, false],
    ["last_order_date < -30d", false, false],
    ["last_order_date != 2026-06-01", false, true],
    ["last_order_date IS NULL", false, true],
    ["first_order_date BETWEEN 2025-01-01 AND 2025-12-31", true, false],
    ["customer_added_date > -7d", false, true],
    ["customer_added_date <= today", true, true],
    // lists
    ["customer_groups CONTAINS 'cusgroup_vip'", true, false],
    ["customer_groups NOT CONTAINS 'cusgroup_vip'", false, true],
    ["customer_groups IN ('cusgroup_x', 'cusgroup_general')", true, false],
    ["customer_groups NOT IN ('cusgroup_x')", true, true],
    ["customer_groups IS NULL", false, true],
    ["countries CONTAINS 'DE'", true, false],
    ["cities CONTAINS 'Paris'", true, false],
    ["provinces IS NOT NULL", true, false],
    // purchases: by product, collection, category, type; date window; quantity
    ["products_purchased CONTAINS (product: 'prod_tee')", true, false],
    ["products_purchased CONTAINS (product: 'prod_tee', min_quantity: 3)", false, false],
    ["products_purchased CONTAINS (collection: 'pcol_basics', since: -30d)", true, false],
    ["products_purchased CONTAINS (category: ('pcat_home', 'pcat_x'), since: -90d)", false, false],
    ["products_purchased CONTAINS (category: 'pcat_home', until: 2025-03-01)", true, false],
    ["products_purchased CONTAINS (type: 'ptyp_apparel')", true, false],
    ["products_purchased NOT CONTAINS (product: 'prod_lamp')", false, true],
    // metadata: typed values, missing keys and non-scalar values are null
    ["metadata.tier = 'gold'", true, false],
    ["metadata.points > 1000", true, false],
    ["metadata.points = '1200'", false, false],
    ["metadata.newsletter = true", true, false],
    ["metadata.tier STARTS WITH 'GO'", true, false],
    ["metadata.nested IS NULL", true, true],
    ["metadata.tier != 'silver'", true, true],
  ])("%s", (query, forAda, forBlank) => {
    expect(check(query, ada)).toBe(forAda)
    expect(check(query, blank)).toBe(forBlank)
  })
})

describe("evaluate: cart context for guests and shoppers", () => {
  const guest = guestFacts({ email: "guest@example.com", countries: ["nl"] })

  it.each<[string, boolean, boolean]>([
    // [query, with the cart, without a cart]
    ["cart_subtotal >= 80 EUR", true, false],
    ["cart_subtotal < 10 EUR", false, true],
    ["cart_subtotal > 10 USD", false, false],
    ["cart_subtotal IS NOT NULL", true, false],
    ["cart_item_count >= 3", true, false],
    ["cart_item_count = 0", false, true],
    ["cart_products CONTAINS (collection: 'pcol_basics', min_quantity: 3)", true, false],
    ["cart_products NOT CONTAINS (product: 'prod_tee')", false, true],
    ["has_account = false AND countries CONTAINS 'nl'", true, true],
  ])("%s", (query, withCart, withoutCart) => {
    expect(check(query, guest, cart)).toBe(withCart)
    expect(check(query, guest, null)).toBe(withoutCart)
  })
})

describe("evaluate: groups", () => {
  it("combines ALL, ANY and NOT", () => {
    expect(check("countries CONTAINS 'de' AND amount_spent > 500 EUR AND last_order_date > -90d", ada)).toBe(true)
    expect(check("countries CONTAINS 'it' OR customer_groups CONTAINS 'cusgroup_vip'", ada)).toBe(true)
    expect(check("NOT (countries CONTAINS 'it' OR customer_groups CONTAINS 'cusgroup_vip')", ada)).toBe(false)
    expect(check("NOT NOT has_account = true", blank)).toBe(true)
  })

  it("gives every negation the opposite answer of its positive, nulls included", () => {
    const pairs: [string, string][] = [
      ["first_name = 'Ada'", "first_name != 'Ada'"],
      ["average_order_value = 200 EUR", "average_order_value != 200 EUR"],
      ["number_of_orders IN (4, 5)", "number_of_orders NOT IN (4, 5)"],
      ["metadata.tier CONTAINS 'ol'", "metadata.tier NOT CONTAINS 'ol'"],
      ["last_order_date IS NOT NULL", "last_order_date IS NULL"],
      ["customer_groups IN ('cusgroup_vip')", "customer_groups NOT IN ('cusgroup_vip')"],
    ]
    for (const facts of [ada, blank]) {
      for (const [positive, negative] of pairs) {
        expect(check(negative, facts)).toBe(!check(positive, facts))
      }
    }
  })
})

describe("amount_spent within dates", () => {
  it("adds order totals as decimals, like SUM over numeric and Medusa's BigNumber", () => {
    expect(sumAmounts([])).toBe(0)
    expect(sumAmounts([0.1, 0.2])).toBe(0.3)
    expect(sumAmounts([99.99, 250.5, 0.01])).toBe(350.5)
    expect(sumAmounts([1e-7, 1])).toBe(1.0000001)
    expect(sumAmounts([1e21, 1])).toBe(1e21 + 1)
    expect(sumAmounts([-5.25, 2.5])).toBe(-2.75)
    expect(sumAmounts([0.1, 0.2, -0.3])).toBe(0)
  })

  it("explains with the amount in the window, and counts relative dates as moving with time", () => {
    const rule = parse("amount_spent > 300 EUR SINCE -90d AND amount_spent BETWEEN 600 EUR AND 700 EUR")
    const explanation = explain(rule, ada, { now, cart: null })
    expect(explanation).toMatchObject({
      result: true,
      children: [
        { text: "amount_spent > 300 EUR SINCE -90d", fact: { amount: 340, currency_code: "eur", since: "-90d" } },
        { text: "amount_spent BETWEEN 600 EUR AND 700 EUR", fact: { amount: 640, currency_code: "eur" } },
      ],
    })
    expect(summarizeRule(rule)).toEqual({ attributes: ["amount_spent"], relative_dates: true, guest_capable: false })
    expect(summarizeRule(parse("amount_spent BETWEEN 1 EUR AND 5 EUR UNTIL -1y")).relative_dates).toBe(true)
    expect(summarizeRule(parse("amount_spent > 1 EUR SINCE 2026-01-01 UNTIL 2026-06-30")).relative_dates).toBe(false)
  })
})
