import type { z } from "@medusajs/framework/zod"
import type { ConditionValue, PositiveOperator } from "../ast"
import type { CustomerFacts, EvaluationContext } from "../facts"
import type { Operands, ValueType } from "../operators"
import type { SqlContext } from "../sql-context"

/** What the admin builder offers as a searchable picker for the values. */
export type ValuePicker =
  | "customer_group"
  | "country"
  | "product"
  | "collection"
  | "category"
  | "product_type"
  | "segment"
  | "audience"

/**
 * The stored facts an attribute reads: a column of customer_profile, or the
 * customer's rows elsewhere (purchases, orders, segment memberships). When
 * one of them changes for a customer, the segments reading the attribute are
 * evaluated again for that customer.
 */
export type FactName =
  | "email"
  | "first_name"
  | "last_name"
  | "has_account"
  | "customer_added_at"
  | "group_ids"
  | "countries"
  | "provinces"
  | "cities"
  | "orders_count"
  | "spend"
  | "first_order_at"
  | "last_order_at"
  | "metadata"
  | "open_carts"
  | "purchases"
  | "orders"
  | "segments"
  | "audience_ids"
  | "last_activity_at"

/**
 * Everything about one attribute, in one place: its type (which decides the
 * operators, see operators.ts), how the SQL evaluator and the in-memory one
 * read it, what an explanation shows, whether guests have it, and what the
 * admin builder shows.
 */
export type AttributeEntry<T extends ValueType = ValueType> = {
  type: T
  label: string
  description: string
  /** Available for guests (evaluated on the cart) as well as registered customers. */
  guest: boolean
  /** Values are compared without case: rule values are folded when a rule is validated. */
  case_insensitive?: boolean
  picker?: ValuePicker
  /** The stored facts it reads (empty: only the current cart, never stored). */
  facts: readonly FactName[]
  /**
   * It reads the shopper's current cart (the evaluation context's `cart`),
   * alone or beside stored facts: evaluating it live needs the cart loaded.
   * (Not the description's `current_cart`, which is "reads only the cart".)
   */
  reads_cart?: boolean
  /** Its answer changes as time passes, with no event: rules reading it are refreshed on schedule. */
  moves_with_time?: boolean
  /** Operators of its type it does not take (with their negations). */
  without?: readonly PositiveOperator[]
  /** The schema of one value when it differs from the type's (e.g. dates on amount_spent). */
  single?: () => z.ZodType
  /** For the SQL evaluator: the operand over customer_profile (`q.p`). `name` is the attribute's full name. */
  sql: (q: SqlContext, name: string) => Operands[T]["sql"]
  /** For the in-memory evaluator: the operand over one shopper's facts. */
  read: (facts: CustomerFacts, context: EvaluationContext, name: string) => Operands[T]["fact"]
  /** What an explanation shows a merchant for a condition (default: the value read). */
  explain?: (facts: CustomerFacts, context: EvaluationContext, value: ConditionValue | undefined, name: string) => unknown
}

export type AnyAttributeEntry = { [T in ValueType]: AttributeEntry<T> }[ValueType]

/** Declares an attribute entry, checking its readers against its type. */
export const attribute = <T extends ValueType>(entry: AttributeEntry<T>): AttributeEntry<T> => entry
