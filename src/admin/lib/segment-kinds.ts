import type { AdminCustomerSegment } from "../../types/http"

type Kinds = Pick<AdminCustomerSegment, "kind" | "attributes">

/** How a segment gets its members: by the rule on refreshes, per cart when the store asks, or by hand (static). */
export type MembershipKind = "refreshed" | "perCart" | "static"

/**
 * `currentCart`: the attributes that read only the shopper's current cart
 * (`current_cart` in GET /admin/customer-segments/attributes). A dynamic
 * segment whose rule reads nothing else is decided per cart at request time
 * and never has stored members.
 */
export const membershipKind = (segment: Kinds, currentCart: ReadonlySet<string>): MembershipKind =>
  segment.kind === "static"
    ? "static"
    : segment.kind === "dynamic" && segment.attributes.length > 0 && segment.attributes.every((a) => currentCart.has(a))
      ? "perCart"
      : "refreshed"
