import { ATTRIBUTES, describeAttribute } from "../../../modules/customer_segment/rules/registry"
import { membershipKind } from "../segment-kinds"

describe("how a segment gets its members", () => {
  // What GET /admin/customer-segments/attributes answers.
  const currentCart = new Set(ATTRIBUTES.map(describeAttribute).filter((a) => a.current_cart).map((a) => a.name))

  it("takes the current cart's attributes from the registry (those with no stored facts)", () => {
    expect([...currentCart].sort()).toEqual(["cart_item_count", "cart_products", "cart_subtotal"])
  })

  it("tells static, per-cart and refreshed segments apart", () => {
    expect(membershipKind({ kind: "static", attributes: [] }, currentCart)).toBe("static")
    expect(membershipKind({ kind: "dynamic", attributes: ["cart_products", "cart_subtotal"] }, currentCart)).toBe("perCart")
    expect(membershipKind({ kind: "dynamic", attributes: ["cart_subtotal", "countries"] }, currentCart)).toBe("refreshed")
    expect(membershipKind({ kind: "dynamic", attributes: ["abandoned_cart_date"] }, currentCart)).toBe("refreshed")
    expect(membershipKind({ kind: "dynamic", attributes: [] }, currentCart)).toBe("refreshed")
    // Before the registry has loaded: no per-cart claim.
    expect(membershipKind({ kind: "dynamic", attributes: ["cart_subtotal"] }, new Set())).toBe("refreshed")
  })
})
