import type { AdminCustomerSegment } from "../../types/http"

/**
 * Attributes of the shopper's current cart. That cart exists only when the
 * store API asks (`GET /store/customer-segments/current?cart_id=…`); a
 * refresh sees an empty one, so no customer is stored as a member for them.
 * (Abandoned carts are stored facts: `abandoned_cart_date` is not one of these.)
 */
export const PER_CART_ATTRIBUTES: readonly string[] = ["cart_subtotal", "cart_item_count", "cart_products"]

type Kinds = Pick<AdminCustomerSegment, "kind" | "attributes">

/** A dynamic segment whose rule reads only the current cart: decided per cart at request time, never stored members. */
export const isPerCart = (segment: Kinds) =>
  segment.kind === "dynamic" && segment.attributes.length > 0 && segment.attributes.every((a) => PER_CART_ATTRIBUTES.includes(a))

/** How a segment gets its members: by the rule on refreshes, per cart when the store asks, or by hand (static). */
export type MembershipKind = "refreshed" | "perCart" | "static"

export const membershipKind = (segment: Kinds): MembershipKind =>
  segment.kind === "static" ? "static" : isPerCart(segment) ? "perCart" : "refreshed"
