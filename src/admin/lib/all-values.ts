/**
 * Every value of the union `T`, in the order the admin shows them (select
 * options, translated texts): a value that is not one of `T`, or one of `T`
 * left out, fails to compile. Keeps the admin's lists in step with the
 * types the API answers (src/types/http).
 *
 *   export const SEGMENT_KINDS = allValues<AdminCustomerSegmentKind>()(["dynamic", "static"])
 */
export const allValues =
  <T extends string>() =>
  <const L extends readonly T[]>(values: L & ([Exclude<T, L[number]>] extends [never] ? unknown : { missing: Exclude<T, L[number]> })): L =>
    values
