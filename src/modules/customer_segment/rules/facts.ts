/**
 * What the evaluators read about one shopper. The facts projection
 * (customer_profile, customer_purchase, customer_order) stores exactly these, so the SQL
 * compiler and the in-memory evaluator read the same facts.
 *
 * Conventions: strings are as stored (the readers fold what they compare
 * without case, see fold.ts); amounts are per currency (lower-case codes) and never added across
 * currencies; dates are Date objects; "no value" is null (or an empty list).
 */
export type PurchaseFact = {
  product_id: string
  collection_id: string | null
  category_ids: string[]
  type_id: string | null
  quantity: number
  purchased_at: Date
}

/** One placed, not canceled order (the orders `spend` adds up), for amounts within dates. */
export type OrderFact = {
  order_id: string
  /** Lower case. */
  currency_code: string
  total: number
  placed_at: Date
}

export type CustomerFacts = {
  email: string | null
  first_name: string | null
  last_name: string | null
  has_account: boolean
  customer_added_date: Date | null
  customer_groups: string[]
  countries: string[]
  provinces: string[]
  cities: string[]
  /** Placed, not canceled orders, all currencies. */
  number_of_orders: number
  /** Per currency: total of placed, not canceled orders, and how many there were. */
  spend: Record<string, { amount: number; orders: number }>
  first_order_date: Date | null
  last_order_date: Date | null
  purchases: PurchaseFact[]
  /** The orders behind `spend`: per currency, their totals add up to spend[currency].amount. */
  orders: OrderFact[]
  metadata: Record<string, unknown>
  /** Ids of the segments the customer is a member of (static or dynamic). */
  segments: string[]
  /** Ids of the audiences (pushed by a CDP) the customer is in; guests are in none. */
  audiences: string[]
  /** Last activity of each of the customer's carts that has items and was not completed. */
  open_carts: Date[]
  /** The customer's latest store request (presence, kind customer); null: never seen. */
  last_activity_date: Date | null
}

export type CartLineFact = {
  product_id: string
  collection_id: string | null
  category_ids: string[]
  type_id: string | null
  quantity: number
}

export type CartFacts = {
  currency_code: string
  subtotal: number
  items: CartLineFact[]
  /** The cart's last activity (its own or its items' last update); absent: now. */
  updated_at?: Date | null
}

export type EvaluationContext = {
  now: Date
  /** The shopper's current cart, for cart_* attributes (absent: those conditions are false). */
  cart?: CartFacts | null
  /** How long a cart with items must be left before it counts as abandoned (default 60). */
  abandoned_after_minutes?: number
}

export const DEFAULT_ABANDONED_AFTER_MINUTES = 60

/** A guest: no customer record, only the cart (and the email/addresses given on it). */
export function guestFacts(partial: Partial<CustomerFacts> = {}): CustomerFacts {
  return {
    email: null,
    first_name: null,
    last_name: null,
    has_account: false,
    customer_added_date: null,
    customer_groups: [],
    countries: [],
    provinces: [],
    cities: [],
    number_of_orders: 0,
    spend: {},
    first_order_date: null,
    last_order_date: null,
    purchases: [],
    orders: [],
    metadata: {},
    segments: [],
    audiences: [],
    open_carts: [],
    last_activity_date: null,
    ...partial,
  }
}
