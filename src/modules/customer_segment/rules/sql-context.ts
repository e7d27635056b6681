import { DAY_MS, resolveDate } from "./dates"

/**
 * Numbered SQL parameters ($1, $2, …): a value is bound once and its number
 * can be written as often as the statement needs it, so no statement depends
 * on the order its placeholders appear in.
 */
export class SqlParams {
  readonly values: unknown[] = []

  /** Binds a value and returns its placeholder (with a cast when given: `$3::text[]`). */
  add(value: unknown, cast?: string): string {
    this.values.push(value)
    return `$${this.values.length}${cast ? `::${cast}` : ""}`
  }
}

/** What an attribute's SQL and an operator's SQL are written against. */
export type SqlContext = {
  /** Alias of customer_profile in the surrounding statement. */
  p: string
  now: Date
  /** Binds a value (see SqlParams.add). */
  param: (value: unknown, cast?: string) => string
  /** The start of a date value's UTC day (plus whole days), as a timestamptz parameter. */
  day: (value: string, plusDays?: number) => string
  /**
   * A condition keeping a customer id column to the customers being evaluated
   * (a refresh batch's id range), so sub-selects read only their rows; "true" when unscoped.
   */
  scope: (column: string) => string
  /** Minutes after which a cart with items counts as abandoned. */
  abandoned_after_minutes: number
}

export function sqlContext(options: {
  params: SqlParams
  now: Date
  alias: string
  scope?: (column: string) => string
  abandoned_after_minutes: number
}): SqlContext {
  const { params, now } = options
  return {
    p: options.alias,
    now,
    param: (value, cast) => params.add(value, cast),
    day: (value, plusDays = 0) =>
      params.add(new Date(resolveDate(value, now).getTime() + plusDays * DAY_MS), "timestamptz"),
    scope: options.scope ?? (() => "true"),
    abandoned_after_minutes: options.abandoned_after_minutes,
  }
}
