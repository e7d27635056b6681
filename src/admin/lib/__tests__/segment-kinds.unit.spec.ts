import { ATTRIBUTES } from "../../../modules/customer_segment/rules/registry"
import { membershipKind, PER_CART_ATTRIBUTES } from "../segment-kinds"

describe("how a segment gets its members", () => {
  it("knows every attribute of the current cart (no stored facts)", () => {
    const cart = ATTRIBUTES.filter((a) => a.name.startsWith("cart_") && a.facts.length === 0).map((a) => a.name)
    expect([...PER_CART_ATTRIBUTES].sort()).toEqual(cart.sort())
  })

  it("tells static, per-cart and refreshed segments apart", () => {
    expect(membershipKind({ kind: "static", attributes: [] })).toBe("static")
    expect(membershipKind({ kind: "dynamic", attributes: ["cart_products", "cart_subtotal"] })).toBe("perCart")
    expect(membershipKind({ kind: "dynamic", attributes: ["cart_subtotal", "countries"] })).toBe("refreshed")
    expect(membershipKind({ kind: "dynamic", attributes: [] })).toBe("refreshed")
  })
})
