import { actionWordsKey, namedIds } from "../assistance-actions"

describe("assistance actions in words", () => {
  it("words known store requests, not others", () => {
    expect(actionWordsKey("POST", "/store/carts/:id/line-items")).toBe("addItem")
    expect(actionWordsKey("delete", "/store/customers/me/addresses/:address_id")).toBe("deleteAddress")
    expect(actionWordsKey("GET", "/store/products")).toBeNull()
  })

  it("names ids by prefix, then by field, with the admin page of orders and customers", () => {
    expect(
      namedIds({ id: "cart_01", line_id: "cali_02", variant_id: "variant_03", order_id: "order_04", customer_id: "cus_05", address_id: "x1", other_id: "zz" })
    ).toEqual([
      { key: "id", id: "cart_01", kind: "cart" },
      { key: "line_id", id: "cali_02", kind: "lineItem" },
      { key: "variant_id", id: "variant_03", kind: "variant" },
      { key: "order_id", id: "order_04", kind: "order", page: "/orders/order_04" },
      { key: "customer_id", id: "cus_05", kind: "customer", page: "/customers/cus_05" },
      { key: "address_id", id: "x1", kind: "address" },
      { key: "other_id", id: "zz", kind: "other" },
    ])
    expect(namedIds(null)).toEqual([])
  })
})
