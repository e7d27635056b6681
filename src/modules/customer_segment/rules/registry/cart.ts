import type { PurchaseFilter } from "../ast"
import { DEFAULT_ABANDONED_AFTER_MINUTES, type CustomerFacts, type EvaluationContext } from "../facts"
import { purchaseFilter } from "../values"
import { attribute } from "./define"
import { matchingQuantity } from "./orders"

/**
 * Attributes of the shopper's cart. The current cart exists only at request
 * time (a bulk refresh sees none: an empty cart); abandoned carts are stored
 * facts (customer_profile.open_carts), so they work in refreshes too.
 */

const itemCount = (context: EvaluationContext) => (context.cart?.items ?? []).reduce((sum, line) => sum + line.quantity, 0)

/** The moment before which a cart's last activity makes it abandoned. */
export const abandonedCutoff = (context: { now: Date; abandoned_after_minutes?: number }) =>
  new Date(context.now.getTime() - (context.abandoned_after_minutes ?? DEFAULT_ABANDONED_AFTER_MINUTES) * 60_000)

/**
 * The last activity of the latest abandoned cart: the stored open carts, and
 * the current one (a guest's), that have been left since before the cutoff.
 */
function abandonedCartDate(facts: CustomerFacts, context: EvaluationContext): Date | null {
  const cutoff = abandonedCutoff(context).getTime()
  const current = context.cart && context.cart.items.length > 0 ? [context.cart.updated_at ?? context.now] : []
  const left = [...facts.open_carts, ...current].map((d) => d.getTime()).filter((t) => t <= cutoff)
  return left.length ? new Date(Math.max(...left)) : null
}

export const cartAttributes = {
  cart_subtotal: attribute({
    type: "money",
    label: "Cart subtotal",
    description: "The current cart's item subtotal, in the cart's currency.",
    guest: true,
    reads_cart: true,
    facts: [],
    // No cart in SQL: an empty one's subtotal is 0.
    sql: () => ({ amount: () => "0::float8", exists: "false" }),
    read: (_facts, context) => ({
      amount: (value) => (context.cart && context.cart.currency_code === value.currency_code ? context.cart.subtotal : 0),
      exists: (context.cart?.items.length ?? 0) > 0,
    }),
    explain: (_facts, context) =>
      context.cart ? { amount: context.cart.subtotal, currency_code: context.cart.currency_code } : null,
  }),
  cart_item_count: attribute({
    type: "number",
    label: "Cart item count",
    description: "Total quantity of items in the current cart.",
    guest: true,
    reads_cart: true,
    facts: [],
    sql: () => "0::float8",
    read: (_facts, context) => itemCount(context),
  }),
  cart_products: attribute({
    type: "purchases",
    label: "Cart products",
    description: "Products in the current cart: by product, collection or category, optionally from a minimum quantity.",
    guest: true,
    reads_cart: true,
    picker: "product",
    facts: [],
    single: () => purchaseFilter(false),
    sql: () => () => "false",
    read: (_facts, context) => (filter) => matchingQuantity(context.cart?.items ?? [], filter),
    explain: (_facts, context, value) => ({
      quantity: matchingQuantity(context.cart?.items ?? [], (value ?? {}) as PurchaseFilter),
    }),
  }),
  abandoned_cart_date: attribute({
    type: "date",
    label: "Abandoned cart date",
    description:
      "When the customer last left a cart with items without completing it, once it has been left for the store's abandonment time (segments.abandoned_after_minutes, 60 by default); empty without one. Guests have it through their cart.",
    guest: true,
    reads_cart: true,
    facts: ["open_carts"],
    moves_with_time: true,
    sql: (q) =>
      `(SELECT max(t::timestamptz) FROM unnest(${q.p}.open_carts) AS t WHERE t::timestamptz <= ${q.param(abandonedCutoff(q), "timestamptz")})`,
    read: abandonedCartDate,
  }),
}
